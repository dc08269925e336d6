"""`--format junit`: one test case per approved term, failing when the term has new findings at or
above `--fail-on`; other findings of the term are listed in its system-out. A term the files never
hold in the text translated (the English, or the Chinese of a file translated from Chinese) is
skipped: nothing tested it, so it did not pass either.

Every test case has the classname `glossary-check`: Jenkins and GitLab split a classname at its
dots into package and class, so a file name (`energy.yaml`) would become package `energy`, class
`yaml`. The glossary's path is the suite's `glossary` property."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections import defaultdict

from . import ReportContext, report_order

CLASSNAME = "glossary-check"

# What XML 1.0 cannot carry even escaped: C0 controls but tab and line breaks, lone surrogates,
# U+FFFE and U+FFFF. A corpus may hold them (a stray ESC, a \x01); the report shows U+FFFD.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _describe(where, finding) -> str:
    source, target = finding.languages
    return (f"{where} {finding.rule_id} {finding.severity.value}: {finding.message}\n"
            f"  {source}: {finding.source_text}\n  {target}: {finding.target_text}")


def _text_looked_in(result) -> str:
    """Where a term was looked for: the English, the Chinese of files translated from Chinese, or both."""
    language = result.source_language()
    return "source text" if language == "source" else f"{language} text"


def render_junit(result, context: ReportContext) -> str:
    failing = {id(finding) for finding in result.failing(context.fail_on)}
    by_term: dict[str, list] = defaultdict(list)
    for where, finding in report_order(result, context):
        by_term[finding.source_term].append((where, finding))
    suite_name = f"glossary check {context.glossary_path}"
    failures = sum(1 for entry in result.terms if any(id(f) in failing for _, f in by_term.get(entry.source, ())))
    term_pairs = result.term_pairs or [None] * len(result.terms)
    skipped = sum(1 for count in term_pairs if count == 0)
    suites = ElementTree.Element("testsuites", name="glossary check", tests=str(len(result.terms)),
                                 failures=str(failures), errors="0", skipped=str(skipped))
    suite = ElementTree.SubElement(suites, "testsuite", name=suite_name, tests=str(len(result.terms)),
                                   failures=str(failures), errors="0", skipped=str(skipped))
    properties = ElementTree.SubElement(suite, "properties")
    ElementTree.SubElement(properties, "property", name="glossary", value=context.glossary_path)
    for entry, count in zip(result.terms, term_pairs):
        case = ElementTree.SubElement(suite, "testcase", classname=CLASSNAME,
                                      name=f"{entry.source} → {'、'.join(entry.allowed_targets())}")
        if count == 0:
            ElementTree.SubElement(case, "skipped",
                                   message=f'"{entry.source}" is in no {_text_looked_in(result)} checked')
            continue
        findings = by_term.get(entry.source, [])
        failed = [(where, finding) for where, finding in findings if id(finding) in failing]
        others = [(where, finding) for where, finding in findings if id(finding) not in failing]
        if failed:
            failure = ElementTree.SubElement(
                case, "failure", type=",".join(sorted({finding.rule_id for _, finding in failed})),
                message=f"{len(failed)} finding{'s' if len(failed) != 1 else ''} for \"{entry.source}\"")
            failure.text = "\n".join(_describe(where, finding) for where, finding in failed)
        if others:
            output = ElementTree.SubElement(case, "system-out")
            output.text = "\n".join(("[known] " if finding.known else "") + _describe(where, finding)
                                    for where, finding in others)
    ElementTree.indent(suites)
    document = _NOT_XML.sub("\ufffd", ElementTree.tostring(suites, encoding="unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + document + "\n"
