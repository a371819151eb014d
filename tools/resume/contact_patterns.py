"""Patterns for personal contact data anywhere in text: e-mail, phone, link, street address, place."""

from __future__ import annotations

import re
from collections.abc import Iterator

EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++(?:@|\s?[\[(]at[\])]\s?)[A-Za-z0-9-]+(?:(?:\.|\s?[\[(]dot[\])]\s?)[A-Za-z0-9-]+)*"
    r"(?:\.|\s?[\[(]dot[\])]\s?)[A-Za-z]{2,}"
)
# A run of digits and phone punctuation on one line; whether it is a phone is decided below.
# It may start right after a word with a bracket ("Phone(555) 010-2345") or with a bracket lost
# to a line break ("555) 010-2345").
_PHONE_CANDIDATE = re.compile(
    r"(?<![\d@/.$£€+-])(?:(?<![A-Za-z_])|(?=\())"
    r"(?:\+\s?)?(?:(?:\(\s?\+?\d{1,4}\s?|\d{1,4})\)[ .-]*)?"
    r"\d(?:\d|[ .-]{1,3}(?=[\d(])|\(\d{1,4}\)[ .-]*){5,24}"
    r"(?![\w@/%]|[.-]\d)"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_SOCIAL_HOSTS = (
    r"linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|twitter\.com|x\.com|behance\.net|dribbble\.com|"
    r"medium\.com|stackoverflow\.com|kaggle\.com|t\.me|instagram\.com|facebook\.com|youtube\.com|"
    r"about\.me|wix\.com|wixsite\.com|squarespace\.com|wordpress\.com|github\.io|vercel\.app|netlify\.app"
)
_URL_CHARS = r"[^\s<>()\[\]{}\"'|,;]"
PROFILE_LINK = re.compile(rf"(?<![@\w.-])(?:[\w-]+\.)*(?:{_SOCIAL_HOSTS})(?:/{_URL_CHARS}*)?", re.IGNORECASE)
LINK = re.compile(
    rf"\bhttps?://{_URL_CHARS}+"
    rf"|\bwww\.{_URL_CHARS}+"
    rf"|(?<![@\w.-])(?:[\w-]+\.)*(?:{_SOCIAL_HOSTS})(?:/{_URL_CHARS}*)?",
    re.IGNORECASE,
)
# A bare domain ("janeexample.dev", "site.com/portfolio"): a link in a contact line, or anywhere
# once it has a path; "ASP.NET" and "Node.js" are not domains.
_TLDS = r"com|net|org|io|dev|me|co|ai|app|site|xyz|info|tech|page|blog|us|uk|in|de|ca|au|edu|online|design"
BARE_DOMAIN = re.compile(
    rf"(?<![@\w.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})\b(?:/{_URL_CHARS}*)?"
)
_NOT_DOMAINS = frozenset({"asp.net", "vb.net", "ado.net", "node.js", "e.g", "i.e"})
_EMAIL_AROUND = re.compile(r"@")

_STREET_TYPES = (
    r"St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Ct|Court|Way|Pl|Place|Pkwy|Parkway|"
    r"Cir|Circle|Ter|Terrace|Hwy|Highway|Sq|Square|Trl|Trail|Loop|Row|Crescent|Close|Marg|Nagar"
)
STREET_ADDRESS = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z0-9][\w.'-]*[ \t]+){{0,4}}"
    rf"(?:{_STREET_TYPES})\b\.?"
    rf"(?:,?[ \t]*(?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|#)\.?[ \t]*#?[\w-]+)?"
    rf"|\b(?:P\.?[ \t]?O\.?[ \t]+Box|Box)[ \t]+\d+\b"
)
US_STATE_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|"
    "NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR"
)
# One word of a place name, taken whole (possessive) so that a failed match never retries its splits.
_PLACE_WORD = r"[A-Z][a-zA-Z.']++"
_REGIONS = (
    r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    r"Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    r"Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
    r"North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
    r"South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|"
    r"USA|United States|Canada|Mexico|Brazil|United Kingdom|UK|England|Scotland|Ireland|Germany|France|Spain|"
    r"Italy|Netherlands|Sweden|Norway|Denmark|Poland|Switzerland|Austria|India|China|Japan|Singapore|"
    r"Australia|New Zealand|South Africa|Nigeria|Kenya|Egypt|Pakistan|Bangladesh|Philippines|Indonesia|"
    r"Malaysia|Vietnam|Israel|UAE|Iran|Turkey|Ontario|Quebec|British Columbia|Alberta|Maharashtra|Karnataka|"
    r"Tamil Nadu|Telangana|Kerala|Delhi|Uttar Pradesh|Gujarat|West Bengal|Punjab|Rajasthan|New South Wales|"
    r"Victoria|Queensland"
)
# "Springfield, IL 62701", "Austin, TX", "Pune, Maharashtra 411001", "London, United Kingdom": a
# place, then a state code, a known region or country, or a postcode; job titles with commas
# ("DIRECTOR, FINANCE") have none of these.
CITY_REGION = re.compile(
    rf"\b{_PLACE_WORD}(?:[ -]{_PLACE_WORD}){{0,3}},[ \t]*"
    rf"(?:(?:{US_STATE_CODES})\b(?:[ \t]+\d{{5}}(?:-\d{{4}})?)?"
    rf"|(?:{_REGIONS})\b(?:,?[ \t]+\d{{4,6}})?(?:,[ \t]*(?:{_REGIONS})\b)?"
    rf"|{_PLACE_WORD}(?:[ \t]{_PLACE_WORD}){{0,2}},?[ \t]+\d{{4,6}}\b"
    rf"(?:,[ \t]*{_PLACE_WORD}(?:[ \t]{_PLACE_WORD})?)?)"
)
# "Springfield, IL 62701" anywhere: a place with a ZIP code is an address, not an employer's town.
CITY_ZIP = re.compile(
    rf"\b{_PLACE_WORD}(?:[ -]{_PLACE_WORD}){{0,3}},?[ \t]+(?:{US_STATE_CODES})[ \t]+\d{{5}}(?:-\d{{4}})?\b"
)
# LiveCareer's stand-ins for the places it removed.
LOCATION_PLACEHOLDER = re.compile(r"^\s*City\s*,\s*State(?:\s*,\s*[A-Za-z]+)?\s*$")


def phone_like(value: str) -> bool:
    """Whether a run of digits and punctuation is a phone number rather than years, a date or a ZIP code."""
    groups = re.findall(r"\d+", value)
    digits = "".join(groups)
    if sum(1 for g in groups if _YEAR.fullmatch(g)) >= 2:
        return False  # "2015 - 2018", "1995 1996 1997", "2009-2013 3.5"
    if len(groups) == 3 and [len(g) for g in groups] in ([4, 2, 2], [2, 2, 4]):
        return False  # "2015-11-21", "21.11.2015"
    if [len(g) for g in groups] == [5, 4] and "-" in value:
        return False  # ZIP+4
    if 10 <= len(digits) <= 15:
        return True
    # Shorter: an international number written with "+", or a local "555-0123".
    if value.lstrip().startswith("+") and len(digits) >= 8:
        return True
    return len(digits) == 7 and re.fullmatch(r"\d{3}[ .-]\d{4}", value.strip()) is not None


Span = tuple[int, int]


def _trimmed(text: str, start: int, end: int) -> Span:
    """A link without the sentence's punctuation after it ("see site.com/work.")."""
    while end > start and text[end - 1] in ".,;:!?)]}'\"":
        end -= 1
    return start, end


# Cheap signs that a line may hold a value: the full patterns run only on those lines, which keeps a
# whole resume to a few milliseconds (every value sits on one line).
_EMAIL_SIGN = re.compile(r"@|[\[(]at[\])]", re.IGNORECASE)
_PHONE_SIGN = re.compile(r"\d[\d ().+-]{5,}\d")
_LINK_SIGN = re.compile(r"\.[A-Za-z]|https?:")
_ADDRESS_SIGN = re.compile(r"\d[A-Za-z]?[ \t]+\w|[A-Z][ \t]+\d{5}|Box")


def _on_lines_with(pattern: re.Pattern[str], sign: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of a costly pattern, tried only on the lines where a cheap sign of it occurs."""
    end = -1
    for hit in sign.finditer(text):
        if hit.start() <= end:
            continue
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.end())
        end = len(text) if end < 0 else end
        yield from pattern.finditer(text, start, end)


def phone_spans(text: str) -> Iterator[Span]:
    """Phone numbers in the text."""
    for match in _on_lines_with(_PHONE_CANDIDATE, _PHONE_SIGN, text):
        if phone_like(match.group()):
            yield match.start(), match.end()


def email_spans(text: str) -> Iterator[Span]:
    """E-mail addresses, "[at]" and "(dot)" spellings included."""
    for match in _on_lines_with(EMAIL, _EMAIL_SIGN, text):
        yield match.start(), match.end()


def link_spans(text: str, *, bare: bool = False) -> Iterator[Span]:
    """URLs, "www." names and profiles on well-known sites; with ``bare``, any domain name too."""
    for match in _on_lines_with(LINK, _LINK_SIGN, text):
        yield _trimmed(text, match.start(), match.end())
    for match in _on_lines_with(BARE_DOMAIN, _LINK_SIGN, text):
        value = match.group().lower()
        if value in _NOT_DOMAINS or _EMAIL_AROUND.search(text, max(0, match.start() - 1), match.end() + 1):
            continue
        if bare or "/" in value:
            yield _trimmed(text, match.start(), match.end())


def profile_link_spans(text: str) -> Iterator[Span]:
    """Links to a person's profile on a well-known site (LinkedIn, GitHub, ...)."""
    for match in _on_lines_with(PROFILE_LINK, _LINK_SIGN, text):
        yield _trimmed(text, match.start(), match.end())


# "@janeex" on a social site; "jane-example-4b2a91" or "jane-example-123456789", a profile's slug.
_HANDLE = re.compile(
    r"(?<![\w.@])@[A-Za-z0-9_]{3,30}\b|\b[a-z]+-[a-z]+(?:-[a-z0-9]+){0,3}-(?=[a-z]*\d)[a-z0-9]{4,}\b"
)


def handle_spans(text: str) -> Iterator[Span]:
    """Social handles and profile slugs (used for the header, where they stand for links)."""
    for match in _HANDLE.finditer(text):
        yield match.start(), match.end()


def address_spans(text: str) -> Iterator[Span]:
    """Street addresses and places with a ZIP code."""
    for match in _on_lines_with(STREET_ADDRESS, _ADDRESS_SIGN, text):
        yield match.start(), match.end()
    for match in _on_lines_with(CITY_ZIP, _ADDRESS_SIGN, text):
        yield match.start(), match.end()
