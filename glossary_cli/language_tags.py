"""Whether a file, column or term's language is the language a glossary is for: one rule, used by
the readers (TMX/XLIFF/PO/CSV/keyed), check, extract, import, merge and eval.

Chinese comes in variants that differ in script and, within Traditional, in terminology: zh-TW
writes 軟體 and 網路 where zh-HK writes 軟件 and 網絡. So a tag is read for its script (Simplified:
zh-Hans, zh-CN, zh-SG; Traditional: zh-Hant, zh-TW, zh-HK, zh-MO) and, for Traditional, its
regional standard (TW; HK, which Macau follows, as CLDR's zh_Hant_MO inherits from zh_Hant_HK).
Simplified regions share one standard, so zh-CN reads zh-SG as before.

- the same script and standard, or a tag that says only the script (zh-Hant), fit;
- another region of the same script (zh-HK for a zh-TW glossary) does not: its correct terms
  would all be findings, or get approved for the wrong region;
- plain zh says nothing more, so it fits any variant and any variant fits it.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

SIMPLIFIED, TRADITIONAL = "Simplified", "Traditional"
_LANGUAGE_ALIASES = {"zho": "zh", "chi": "zh", "cmn": "zh", "eng": "en"}
# Traditional regions and the terminology standard each follows.
_TRADITIONAL_STANDARDS = {"tw": "TW", "hk": "HK", "mo": "HK"}


class Fit(Enum):
    """How a language tag stands to the one wanted."""

    SAME = "same"  # the wanted language, or a variant of it that uses its words
    OTHER_REGION = "other region"  # Chinese of the same script for another region (zh-HK for zh-TW)
    OTHER = "other"  # another language, or Chinese in the other script


def normalize_language(code: str) -> str:
    """'zh_CN' -> 'zh-cn', 'ZHO-Hans' -> 'zh-hans': lower case, hyphens, common aliases folded."""
    subtags = code.strip().replace("_", "-").lower().split("-")
    subtags[0] = _LANGUAGE_ALIASES.get(subtags[0], subtags[0])
    return "-".join(subtags)


def cased_tag(code: str) -> str:
    """A language tag in the case BCP 47 recommends: `ZH-tw` and `zh_TW` as zh-TW, `zh-hant` as zh-Hant."""
    subtags = code.strip().replace("_", "-").split("-")
    return "-".join([subtags[0].lower()] + [subtag.title() if len(subtag) == 4 else
                                            subtag.upper() if len(subtag) == 2 else subtag for subtag in subtags[1:]])


def chinese_script(code: str) -> str | None:
    """Simplified for zh, zh-Hans, zh-CN, zh-SG (and zh-Hans-*), Traditional for zh-Hant, zh-TW,
    zh-HK, zh-MO; None for a language other than Chinese."""
    subtags = normalize_language(code).split("-")
    if subtags[0] != "zh":
        return None
    if "hans" in subtags:
        return SIMPLIFIED
    if "hant" in subtags or any(subtag in _TRADITIONAL_STANDARDS for subtag in subtags[1:]):
        return TRADITIONAL
    return SIMPLIFIED


def is_plain_chinese(code: str | None) -> bool:
    """Whether the tag is Chinese saying neither script nor region (zh, zho, cmn)."""
    return bool(code) and normalize_language(code) == "zh"


def chinese_standard(code: str) -> str | None:
    """The regional standard a Traditional tag names: TW for zh-TW and zh-Hant-TW, HK for zh-HK and
    zh-MO; None for a tag that names only the script (zh-Hant), for Simplified and for plain zh."""
    subtags = normalize_language(code).split("-")
    if subtags[0] != "zh" or chinese_script(code) != TRADITIONAL:
        return None
    return next((_TRADITIONAL_STANDARDS[subtag] for subtag in subtags[1:] if subtag in _TRADITIONAL_STANDARDS), None)


def language_fit(code: str | None, wanted: str | None) -> Fit:
    """How the language `code` stands to `wanted` (see the module docstring)."""
    if not code or not wanted:
        return Fit.OTHER
    have, want = normalize_language(code), normalize_language(wanted)
    if have == want:
        return Fit.SAME
    have_script, want_script = chinese_script(have), chinese_script(want)
    if have_script is None or want_script is None:
        return Fit.SAME if have.startswith(want + "-") else Fit.OTHER
    if have == "zh" or want == "zh":
        return Fit.SAME
    if have_script != want_script:
        return Fit.OTHER
    have_standard, want_standard = chinese_standard(have), chinese_standard(want)
    if have_standard and want_standard and have_standard != want_standard:
        return Fit.OTHER_REGION
    return Fit.SAME


def language_matches(code: str | None, wanted: str) -> bool:
    """True when `code` is the wanted language or a variant of it that uses its words: zh, zh-CN,
    zh-Hans and zh_CN all match 'zh'; zh-Hans and zh-SG match 'zh-CN'; zh-Hant and zh-TW match
    'zh-TW', zh-HK does not; a plain zh (no script said) matches every variant."""
    return language_fit(code, wanted) is Fit.SAME


def same_language(one: str, other: str) -> bool:
    """Whether two tags name one language, either possibly the more specific (zh and zh-CN, en and en-US)."""
    return language_matches(one, other) or language_matches(other, one)


def variant_rank(code: str, wanted: str, preferred: str | None = None) -> tuple[bool, bool, bool]:
    """Sort key among several variants of the wanted language one file offers side by side (a TMX
    unit's zh-CN and zh-TW, a table's zh-TW and zh-CN columns), the one to read first: the variant
    named exactly as wanted, then one of the preferred script (the script of a plain-zh glossary's
    targets, see ReadOptions.preferred_target_lang), then Simplified, as plain zh reads. Every
    reader ranks by this, so which variant is read never depends on the order they are written in."""
    script = chinese_script(code)
    return (normalize_language(code) != normalize_language(wanted),
            preferred is not None and script != chinese_script(preferred),
            script is not None and script != SIMPLIFIED)


def regional_target(languages: dict) -> str | None:
    """A glossary's target language when it names a Chinese script or region (zh-CN, zh-Hant,
    zh-TW): its approved renderings are that variant's words (文件, not 檔案), so what it reads by
    default is that variant. Plain zh (or a target that is not Chinese) gives None."""
    target = languages.get("target")
    if isinstance(target, str) and chinese_script(target) is not None and not is_plain_chinese(target):
        return target
    return None


def compares_as_written(languages: dict) -> bool:
    """Whether a glossary's target is Traditional Chinese (zh-TW, zh-HK, zh-Hant), where variant
    characters are spelling (遊戲, not 游戲): check and validate compare its renderings as written,
    not only as t2s reads them (matching.TermMatcher.as_written)."""
    target = regional_target(languages)
    return target is not None and chinese_script(target) == TRADITIONAL


def merged_languages(one: dict, other: dict) -> dict | None:
    """The languages of two glossaries merged into one: for each of source and target the same tag
    (however written: zh_TW is zh-TW), or the narrower of a tag and a narrower form of it (zh and
    zh-TW, zh-Hant and zh-TW, en and en-US), since a glossary extracted before its variant was known
    says plain zh. None when they name different languages or variants (zh-TW and zh-HK, zh-CN and
    zh-TW, en and de), whose terms are not the same terms."""
    merged = {}
    for key in dict.fromkeys([*one, *other]):
        tag = _narrower_tag(one.get(key), other.get(key))
        if tag is None:
            return None
        merged[key] = tag
    return merged


def _narrower_tag(one: object, other: object) -> object | None:
    if one == other or other is None:
        return one
    if one is None:
        return other
    if not isinstance(one, str) or not isinstance(other, str):
        return None
    first, second = normalize_language(one), normalize_language(other)
    if first == second or _generalises(second, first):
        return one
    return other if _generalises(first, second) else None


def _generalises(general: str, specific: str) -> bool:
    """Whether `specific` names `general` more narrowly: en-us of en, any Chinese of zh, zh-tw of
    zh-hant (tags as normalize_language writes them)."""
    if specific.startswith(general + "-"):
        return True
    return general in ("zh-hans", "zh-hant") and chinese_script(specific) == chinese_script(general)


def preferred_variant(languages: dict, targets: Iterable[str]) -> str | None:
    """The variant to read where a file offers several side by side (ReadOptions.preferred_target_lang):
    for a plain-zh glossary, the script its targets are plainly written in (zh-Hant for 軟體, 檔案),
    since a Traditional glossary checked against the zh-CN half of a mixed memory would flag every
    term. Only a preference among variants the file holds anyway: which files are read, skipped or
    refused is still decided by declared tags alone. None when the glossary names its variant (that
    is the target language itself) or its targets show no one script (Simplified is then read)."""
    from .script import prevailing_script

    if not is_plain_chinese(languages.get("target")):
        return None
    script = prevailing_script(targets)
    return {SIMPLIFIED: "zh-Hans", TRADITIONAL: "zh-Hant"}.get(script) if script else None


def agreed_tag(tags: list[str]) -> str | None:
    """The one variant a corpus's declared Chinese tags agree on, in BCP 47 case: zh-TW for zh-TW
    and zh-Hant-TW, zh-Hant for zh-TW and zh-HK (one script, two regions); None when they name
    both scripts, or nothing more than plain zh."""
    chinese = sorted({cased_tag(tag) for tag in tags if chinese_script(tag) is not None and not is_plain_chinese(tag)},
                     key=lambda tag: (len(tag), tag))
    scripts = {chinese_script(tag) for tag in chinese}
    if len(scripts) != 1:
        return None
    regions = {_region(tag) for tag in chinese} - {None}
    if len(regions) > 1:
        return "zh-Hant" if scripts == {TRADITIONAL} else "zh-Hans"
    return next((tag for tag in chinese if _region(tag) in regions), chinese[0])


def _region(tag: str) -> str | None:
    """The region subtag of a tag (TW of zh-Hant-TW), upper case, or None."""
    return next((subtag.upper() for subtag in tag.split("-")[1:] if len(subtag) == 2 and subtag.isalpha()
                 or len(subtag) == 3 and subtag.isdigit()), None)
