"""`validate`: every semantic mistake in a glossary, located at file:line:column."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import parse_glossary
from glossary_cli.validate import (CHECKS, duplicate_told, duplicates_undecided, misspelt_keys, same_term,
                                   unenforced_problems, validate_glossary)

DATA = Path(__file__).resolve().parent / "data" / "validate"


def problems_in(text: str) -> list[str]:
    glossary, problems = parse_glossary("terms:\n" + text, "g.yaml")
    assert problems == []
    return [str(problem) for problem in validate_glossary(glossary, "g.yaml")]


def warnings_in(text: str) -> list[str]:
    """What validate warns of: the problems of entries check does not read (a candidate's)."""
    glossary, problems = parse_glossary("terms:\n" + text, "g.yaml")
    assert problems == []
    return [str(problem) for problem in unenforced_problems(glossary, "g.yaml")]


A_CANDIDATE = (" (the entry is a candidate: check and export read approved entries only, so this stops nothing, but "
               "approving it is refused until it is mended)")


def test_a_clean_glossary_has_no_problems():
    assert problems_in("  - source: V2G\n    target: [车网互动, V2G]\n    status: approved\n"
                       "  - source: ESG\n    keep_source: true\n    status: approved\n"
                       "  - source: grid\n    target: 电网\n    status: rejected\n"
                       "  - source: V2G\n    target: 车辆到电网\n    status: rejected\n") == []


def test_approved_without_target():
    assert problems_in("  - source: grid\n    status: approved\n") == [
        'g.yaml:3:13: entry "grid" is approved but has no target; add one, set keep_source: true, '
        "or set status: candidate"]


def test_a_candidate_without_target_is_fine():
    assert problems_in("  - source: grid\n") == []


def test_same_source_approved_twice():
    assert problems_in("  - source: V2G\n    target: 车网互动\n    status: approved\n"
                       "  - source: v2g\n    target: 车辆到电网\n    status: approved\n"
                       "    case_sensitive: false\n") == [
        'g.yaml:6:13: "v2g" is approved twice with different targets ("车网互动" at line 2, "车辆到电网" here); '
        "merge them into one entry with a target list"]


def test_forbidden_equal_to_allowed():
    assert problems_in("  - source: ISO\n    keep_source: true\n    forbidden: [ISO, 国际标准化组织]\n"
                       "    status: approved\n") == [
        'g.yaml:4:17: entry "ISO" forbids "ISO", which it also allows; remove it from target or from forbidden']


def test_two_approvals_of_one_rendering_are_a_problem():
    assert problems_in("  - source: grid\n    target: 电网\n    status: approved\n  - source: grids\n"
                       "    target: 电网\n    status: approved\n") == [
        'g.yaml:5:5: duplicate approved entry "grids" → "电网", first at line 2 as "grid"; keep one']


def test_one_rendering_approved_and_rejected_in_two_entries_is_a_problem():
    """The file says two things of one pair, and an import of its own export saw a conflict (final probe, M5)."""
    assert problems_in("  - {source: e-mail, target: 电子邮件, status: approved}\n"
                       "  - {source: email, target: 电子邮件, status: rejected}\n") == [
        'g.yaml:3:5: "email" → "电子邮件" is rejected here and approved at line 2 as "e-mail"; keep one decision']


def test_a_repeat_among_undecided_entries_is_a_warning_that_stops_nothing():
    """check and export read approved entries only: a candidate an older extract proposed under a
    second spelling does not keep a team from checking (or exporting) its approved terms."""
    text = ("terms:\n  - {source: microorganism, target: 微生物, status: approved}\n  - source: grid\n    target: 电网\n"
            "  - source: micro-organism\n    target: 微生物\n  - source: grid\n    target: [电力网, 电网]\n"
            "    status: rejected\n")
    glossary, problems = parse_glossary(text, "g.yaml")
    assert problems + validate_glossary(glossary, "g.yaml") == []
    assert [(entry.line, earlier.line, target, duplicate_told(entry, earlier, target))
            for entry, earlier, target in duplicates_undecided(glossary)] == [
        (5, 2, "微生物", 'duplicate entry "micro-organism" → "微生物", first at line 2 as "microorganism" (approved '
                        "there, candidate here); check and export read approved entries only, so it stops nothing: "
                        "delete one"),
        (7, 3, "电网", 'duplicate entry "grid" → "电网", first at line 3 (candidate there, rejected here); check and '
                      "export read approved entries only, so it stops nothing: delete one")]


def test_validate_and_check_warn_of_duplicate_candidates_and_go_on(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - {source: virus, target: 病毒, status: approved}\n"
                    "  - {source: microorganism, target: 微生物, score: 0.8}\n"
                    "  - {source: micro-organism, target: 微生物, score: 0.7}\n", encoding="utf-8")
    corpus = tmp_path / "c.tsv"
    corpus.write_text("The virus is a micro-organism.\t病毒是一种微生物。\n", encoding="utf-8")
    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exit_code == 0
    assert validated.stderr.splitlines() == [
        f'warning: {path}:4: duplicate entry "micro-organism" → "微生物", first at line 3 as "microorganism" '
        "(candidate there, candidate here); check and export read approved entries only, so it stops nothing: "
        "delete one",
    ]
    assert validated.stdout == f"{path}: OK, 3 entries (1 approved, 0 rejected, 2 candidates)\n"
    assert runner.invoke(app, ["check", str(path), str(corpus)]).exit_code == 0
    rejected = runner.invoke(app, ["reject", str(path), "micro-organism"])
    assert rejected.exit_code == 0
    assert "status: rejected" in path.read_text(encoding="utf-8")


def test_blank_spaced_and_repeated_renderings():
    assert problems_in("  - source: grid\n    target: [' 电网', 电网, '']\n    forbidden: [电力, 电力]\n"
                       "    status: approved\n") == [
        'g.yaml:3:14: entry "grid": target " 电网" has leading or trailing spaces, so it will never match; '
        "remove them",
        'g.yaml:3:25: entry "grid" has an empty target; remove it',
        'g.yaml:4:21: entry "grid" lists forbidden "电力" twice; keep one']


def test_variant_that_is_another_entry():
    text = "  - source: V2G\n    source_variants: [vehicle-to-grid, V2G]\n  - source: vehicle-to-grid\n"
    assert problems_in(text) == []  # candidates, which check does not read: warnings
    assert warnings_in(text) == [
        'g.yaml:3:23: variant "vehicle-to-grid" of "V2G" is also the source of the entry at line 4; '
        "keep it in one place" + A_CANDIDATE,
        'g.yaml:3:40: entry "V2G" lists its own source as a variant; remove it' + A_CANDIDATE]


def test_approved_rendering_forbidden_by_another_entry():
    text = "  - source: grid\n    target: 电网\n    status: approved\n  - source: grid\n    forbidden: [电网]\n"
    assert problems_in(text) == []  # check reads the approval only
    assert warnings_in(text) == [
        'g.yaml:6:17: "grid" forbids "电网" here, but the approved entry at line 2 requires it' + A_CANDIDATE]


def test_checks_have_stable_ids_and_titles():
    assert list(CHECKS) == [f"GV{number:03d}" for number in range(1, 15)]
    assert all(check.__doc__ and check.__doc__.strip().splitlines()[0].endswith(".") for check in CHECKS.values())


def test_glossaries_built_in_python_are_located_by_entry():
    glossary = Glossary(terms=[Entry("grid", status=Status.APPROVED)])
    assert [str(problem) for problem in validate_glossary(glossary, "mem")] == [
        'mem:1:1: entry "grid" is approved but has no target; add one, set keep_source: true, '
        "or set status: candidate"]


def test_five_mistakes_give_five_located_messages_and_exit_2(runner):
    path = DATA / "five_mistakes.yaml"
    before = path.read_bytes()
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f'error: {path}:9:13: "V2G" is approved twice with different targets ("车网互动" at line 5, '
        '"车辆到电网" here); merge them into one entry with a target list',
        f"error: {path}:12:13: unknown status 'aproved'; use candidate, approved or rejected",
        f'error: {path}:14:13: entry "grid" is approved but has no target; add one, set keep_source: true, '
        "or set status: candidate",
        f'error: {path}:17:22: entry "charging pile" forbids "充电桩", which it also allows; '
        "remove it from target or from forbidden",
        f'error: {path}:22:5: duplicate approved entry "smart charging" → "智能充电", first at line 19; keep one',
        f"{path}: 5 problems",
    ]
    assert path.read_bytes() == before


def test_yaml_syntax_error_is_located(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - source: a\n   target: b\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:3:4: YAML syntax error: ")


def test_ok(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - source: a\n    target: 甲\n    status: approved\n  - source: b\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.stdout == f"{path}: OK, 2 entries (1 approved, 0 rejected, 1 candidate)\n"


def test_missing_file(runner, tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'nope.yaml'}: no such glossary file\n"


def test_entries_whose_source_is_not_text_get_no_follow_on_problems(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - {source: Yes, target: 是, status: approved}\n"
                    "  - {source: 1.0, target: 一, status: approved}\n"
                    "  - {source: null, target: 无, status: approved}\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {path}:2:14: 'source' must be text, but YAML reads this value as true/false (True); "
        "put it in quotes",
        f"error: {path}:3:14: 'source' must be text, but YAML reads this value as a number (1.0); put it in quotes",
        f"error: {path}:4:14: entry has no 'source' text",
        f"{path}: 3 problems",
    ]


def test_an_entry_with_a_refused_value_gets_no_follow_on_problem_but_others_are_checked(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - source: grid\n    target: 1.0\n    status: approved\n"
                    "  - source: V2G\n    target: 车网互动\n    status: approved\n"
                    "  - source: V2G\n    target: 车辆到电网\n    status: approved\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {path}:3:13: 'target' must be a string or a list of strings"
    assert "approved but has no target" not in result.stderr  # the target is there, just not text
    assert lines[1].startswith(f"error: {path}:9:13: \"V2G\" is approved twice with different targets")
    assert lines[2:] == [f"{path}: 2 problems"]


def test_forbidden_that_check_reads_as_an_allowed_rendering(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                    "  - {source: power grid, target: 电网, forbidden: [電網], status: approved}\n"
                    "  - {source: protocol, target: 协议(P2G), forbidden: [协议（P2G）], status: approved}\n"
                    "  - {source: forum, target: 论坛, forbidden: [论 坛], status: approved}\n"
                    "  - {source: ISO, keep_source: true, forbidden: [iso], status: approved}\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f'error: {path}:4:50: entry "power grid" forbids "電網", which check reads as "电网", a rendering it '
        "allows; remove it from target or from forbidden",
        f'error: {path}:5:53: entry "protocol" forbids "协议（P2G）", which check reads as "协议(P2G)", a rendering '
        "it allows; remove it from target or from forbidden",
        f'error: {path}:6:45: entry "forum" forbids "论 坛", which check reads as "论坛", a rendering it allows; '
        "remove it from target or from forbidden",
        f'error: {path}:7:50: entry "ISO" forbids "iso", which check reads as "ISO", a rendering it allows; '
        "remove it from target or from forbidden",
        f"{path}: 4 problems",
    ]


def test_forbidden_elsewhere_that_check_reads_as_the_approved_rendering():
    assert warnings_in("  - source: grid\n    target: 电网\n    status: approved\n"
                       "  - source: grid\n    forbidden: [電 網]\n") == [
        'g.yaml:6:17: "grid" forbids "電 網" here, but the approved entry at line 2 requires "电网", which check '
        "reads as the same" + A_CANDIDATE]


def test_renderings_that_check_reads_as_the_same_are_duplicates_not_conflicts():
    assert problems_in("  - source: grid\n    target: 电网\n    status: approved\n"
                       "  - source: grid\n    target: 電網\n    status: approved\n") == [
        'g.yaml:5:5: duplicate approved entry "grid" → "電網", first at line 2; keep one']


def test_renderings_listed_twice_as_check_reads_them():
    assert problems_in("  - source: grid\n    target: [电网, 電網, 电力网]\n    forbidden: [电力, 電力, 电力]\n"
                       "    status: approved\n") == [
        'g.yaml:3:18: entry "grid" lists target "电网" and "電網", which check reads as the same; keep one',
        'g.yaml:4:21: entry "grid" lists forbidden "电力" and "電力", which check reads as the same; keep one']


def test_sources_check_reads_as_one_term_approved_with_different_targets():
    assert problems_in("  - {source: smart grid, target: 智能电网, status: approved}\n"
                       "  - {source: smart grids, target: 灵巧电网, status: approved}\n"
                       "  - {source: Smart-Grid, target: 智慧电网, status: approved}\n") == [
        'g.yaml:3:35: "smart grids" is approved twice with different targets ("智能电网" at line 2 as "smart grid", '
        '"灵巧电网" here); merge them into one entry with a target list',
        'g.yaml:4:34: "Smart-Grid" is approved twice with different targets ("智能电网" at line 2 as "smart grid", '
        '"智慧电网" here); merge them into one entry with a target list']


def test_case_sensitive_sources_stay_distinct():
    assert problems_in("  - {source: V2G, target: 车网互动, status: approved}\n"
                       "  - {source: v2g, target: 车辆到电网, status: approved, case_sensitive: true}\n") == []
    assert same_term(Entry("smart grid"), Entry("Smart-Grids"))
    assert not same_term(Entry("V2G"), Entry("v2g", case_sensitive=True))
    assert not same_term(Entry("grid"), Entry("gridlock"))


def test_a_hyphenated_word_and_its_closed_spelling_are_one_term():
    """check finds `email` as the term `e-mail` and `WiFi` as `Wi-Fi`: two entries for one term with
    different targets would let one text say 邮件 and another 电子邮件."""
    assert problems_in("  - {source: e-mail, target: 电子邮件, status: approved}\n"
                       "  - {source: email, target: 邮件, status: approved}\n"
                       "  - {source: Wi-Fi, target: 无线网络, status: approved}\n"
                       "  - {source: WiFi, target: 无线网络, status: candidate}\n") == [
        'g.yaml:3:29: "email" is approved twice with different targets ("电子邮件" at line 2 as "e-mail", '
        '"邮件" here); merge them into one entry with a target list']
    assert not same_term(Entry("setup"), Entry("set up"))


def test_duplicate_and_forbidden_across_plural_sources():
    assert problems_in("  - {source: heat pump, target: 热泵, status: approved}\n"
                       "  - {source: heat pumps, target: 热泵, status: approved}\n"
                       "  - {source: heat-pump, forbidden: [热泵]}\n")[0] == (
        'g.yaml:3:5: duplicate approved entry "heat pumps" → "热泵", first at line 2 as "heat pump"; keep one')
    assert warnings_in("  - {source: heat pump, target: 热泵, status: approved}\n"
                       "  - {source: heat-pump, forbidden: [热泵]}\n") == [
        'g.yaml:3:37: "heat-pump" forbids "热泵" here, but the approved entry at line 2 requires it' + A_CANDIDATE]


def test_variant_that_check_reads_as_another_source_or_variant():
    text = ("  - {source: battery, target: 电池, source_variants: [cell], status: approved}\n"
            "  - {source: cells, target: 细胞, status: approved}\n"
            "  - {source: biological cell, source_variants: [Cells], status: approved, target: 细胞}\n"
            "  - {source: V2G, source_variants: [Vehicle-to-Grids]}\n"
            "  - {source: vehicle to grid}\n")
    assert problems_in(text) == [
        'g.yaml:2:53: variant "cell" of "battery" is also the source of the entry at line 3; keep it in one place',
        'g.yaml:4:49: variant "Cells" of "biological cell" is also the source of the entry at line 3; '
        "keep it in one place"]
    assert warnings_in(text) == [
        'g.yaml:5:37: variant "Vehicle-to-Grids" of "V2G" is also the source of the entry at line 6; '
        "keep it in one place" + A_CANDIDATE]


def test_variant_shared_by_two_entries():
    assert warnings_in("  - {source: battery, source_variants: [cell]}\n"
                       "  - {source: biological cell, source_variants: [Cells]}\n") == [
        'g.yaml:3:49: variant "Cells" of "biological cell" is also a variant of the entry at line 2; '
        "keep it in one place" + A_CANDIDATE]


def test_a_hand_edited_alternative_must_keep_a_number_score_and_a_text_target(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - source: smart grid\n    target: 智能电网\n    alternatives:\n"
                    "      - {target: 智慧电网, score: \"0.5\"}\n"
                    "  - source: year 2025\n    target: 二〇二五年\n    alternatives:\n"
                    "      - {target: 2025, score: 0.5}\n", encoding="utf-8")
    for command in (["validate", str(path)], ["review", str(path)]):
        result = runner.invoke(app, command, input="q")
        assert result.exit_code == 2, result.output
        assert result.stderr.splitlines()[:2] == [
            f"error: {path}:5:7: 'alternatives': score must be a number from 0 to 1, not '0.5'",
            f"error: {path}:9:7: 'alternatives': target must be text, but YAML reads this value as a number "
            "(2025); put it in quotes"]


def test_a_variant_is_compared_in_its_own_case_as_check_matches_it():
    # V2G is case-sensitive, its spelled-out variant is not: another entry `Vehicle-To-Grid` is the same term
    assert problems_in("  - source: V2G\n    target: 车网互动\n    status: approved\n"
                       "    source_variants: [vehicle-to-grid]\n"
                       "  - source: Vehicle-To-Grid\n    target: 车辆到电网\n    status: approved\n") == [
        'g.yaml:5:23: variant "vehicle-to-grid" of "V2G" is also the source of the entry at line 6; '
        "keep it in one place"]


def test_a_key_with_its_words_the_other_way_round_is_a_misspelling():
    """`forbidden_source:` was kept as a key of the user's own, so its wordings were never enforced (final probe, L6)."""
    glossary, problems = parse_glossary("terms:\n  - source: green transition\n    forbidden_source: [green shift]\n",
                                        "g.yaml")
    assert [str(problem) for problem in problems + misspelt_keys(glossary, "g.yaml")] == [
        "g.yaml:3:5: unknown key 'forbidden_source'; did you mean 'source_forbidden'? (a key of your own, not a typo, "
        "is written 'x-forbidden_source')"]


def test_variants_that_are_the_source_are_named_once_each_not_also_as_a_repeat():
    # Removing both mends the entry: "keep one" would be wrong advice.
    text = "  - source: cloud\n    target: 云\n    status: approved\n    source_variants: [Cloud, clouds]\n"
    assert problems_in(text) == [
        'g.yaml:5:23: entry "cloud" lists its own source as a variant; remove it',
        'g.yaml:5:30: entry "cloud" lists its own source as a variant; remove it']


def test_a_wording_the_same_as_any_of_a_repeat_joins_it():
    # `dataset` is the closed spelling of `data-set`, which check reads as `data set`: one wording, three times.
    text = "  - source: data\n    target: 数据\n    status: approved\n    source_forbidden: [data set, data-set, dataset]\n"
    assert problems_in(text) == [
        'g.yaml:5:34: entry "data" lists source_forbidden "data set" and "data-set" and "dataset", which check reads '
        "as the same; keep one"]
