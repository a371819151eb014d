"""Reading one role's header: which words are the job title, which the employer, which a location."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.resume.dates import DATE_PATTERN, DateRange
from tools.resume.headings import word_set

# Placeholders that LiveCareer puts where the employer and its place were: never an employer.
COMPANY_PLACEHOLDER = "Company Name"
_LOCATION_PLACEHOLDER = re.compile(r"\bCity\s*,\s*State(?:\s*,\s*[A-Z][A-Za-z]*)?\b|^\s*(?:City|State)\s*$")

# What joins a header's parts: mojibake of a full-width colon and of dashes (PDF text), real dashes
# with spaces around, bars, tabs, a full stop before a capital unless it ends an abbreviation
# ("Sr. Accountant", "P.B.X. Operator"); besides, a slash between spaces and a comma, except in a
# title whose employer is hidden ("Credit / Collections Analyst", "Director, Vendor Services").
_ABBREVIATED = "".join(
    rf"(?<!\b{a})"
    for a in ("[A-Z]", "Sr", "Jr", "Asst", "Mgr", "Dept", "St", "Co", "Dr", "Mr", "Ms", "Pvt", "Inc", "Ltd")
)
_DASHES = r"[-\u2013\u2014\u2011]"
_JOINERS = (
    rf"ï¼\u200b?|â€“|â€”|\s{_DASHES}\s?|\s?[\u2013\u2014]\s|\||\t+|[\u2022\u00b7]"
    rf"|{_ABBREVIATED}\.\s+(?=[A-Z])"
)
# No spaces around the joiners in the pattern: parts are stripped, and "\s*" there would retry long
# runs of spaces at every position.
_SEPARATORS = re.compile(rf"{_JOINERS}|\s/\s|,(?!\s*(?:Inc|LLC|Ltd|Jr)\b)")
_SEPARATORS_NO_COMMA = re.compile(_JOINERS)

# Words that make a part a job title.
TITLE_WORDS = word_set(
    """
    accountant actuary adjuster administrator advisor adviser advocate agent aide airman ambassador
    analyst animator apprentice appraiser architect archivist artist assembler assistant associate
    attendant attorney auditor author baker banker barista bartender biologist bookkeeper broker buyer
    captain caregiver caretaker carpenter caseworker cashier ceo cfo chair chef chemist chief cio clerk
    clinician coach commander contributor comptroller concierge consultant controller cook coo coordinator
    copywriter counselor counsellor courier cpa crew cto curator custodian dean dentist deputy designer
    detective developer dietitian director dispatcher doctor drafter draftsman driver economist editor
    educator electrician emt engineer estimator examiner executive fabricator facilitator faculty farmer
    fellow firefighter foreman founder generalist geologist guard handler head host hostess housekeeper
    illustrator inspector installer instructor intern interpreter investigator janitor journalist
    journeyman laborer lawyer lead leader lecturer librarian liaison lieutenant lpn machinist manager
    marketer mechanic medic member mentor merchandiser nanny nurse nutritionist officer operator owner
    painter paralegal paraprofessional partner pharmacist photographer physician physicist pilot planner
    plumber president principal producer professor programmer promoter psychologist publicist purchaser
    realtor receptionist recruiter registrar rep representative researcher resident rn sales scheduler
    scientist secretary sergeant server sheriff soldier specialist steward strategist student stylist
    substitute superintendent supervisor surgeon surveyor ta teacher tech technician technologist teller
    temp therapist trainee trainer translator treasurer tutor typist underwriter veterinarian
    videographer volunteer vp waiter waitress welder worker writer
    """
)
# Words that make a part an organisation.
EMPLOYER_WORDS = word_set(
    """
    inc inc. llc ltd ltd. corp corp. corporation company co co. group university college school
    institute hospital clinic bank agency department dept center centre foundation association academy
    labs laboratory laboratories systems partners consulting church club council office ministry pvt
    gmbh plc ag sa store stores restaurant hotel services solutions technologies technology enterprises
    industries international holdings firm studio studios media network
    """
)
US_STATES = word_set(
    """
    AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY
    NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR
    """
)
# Places that stand alone in headers; cities cannot be listed, so a city is known by what follows it.
_PLACES = frozenset(
    {"remote", "hybrid", "on-site", "onsite", "city", "state", "us", "usa", "u.s", "united states"}
    | {"india", "canada", "uk", "united kingdom", "australia", "germany", "china", "singapore", "ireland"}
)
_REGIONS = _PLACES - {"remote", "hybrid", "on-site", "onsite"}
_CITY_STATE = re.compile(r"(?:[A-Z][a-z]+(?: [A-Z][a-z]+){0,2},? )?([A-Z]{2})(?: \d{5})?")
_CONTACT = re.compile(r"@|https?:|www\.")
_WORD = re.compile(r"[A-Za-z][A-Za-z.&'-]*")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")


def _words(part: str) -> list[str]:
    return [w.lower().rstrip(".") for w in _WORD.findall(part)]


def is_location(part: str) -> bool:
    """A place rather than a title or employer: "City , State", "Amherst, MA", "Remote", "India"."""
    stripped = part.strip(" ,.")
    if not stripped or _LOCATION_PLACEHOLDER.fullmatch(stripped):
        return True
    if stripped.lower() in _PLACES:
        return True
    # "MA", "CA 94105", "Amherst, MA": a US state code with or without a ZIP code.
    match = _CITY_STATE.fullmatch(stripped)
    return match is not None and match.group(1) in US_STATES


def _is_region(part: str) -> bool:
    stripped = part.strip(" ,.")
    return stripped in US_STATES or stripped.lower() in _REGIONS


def is_title(part: str) -> bool:
    """Whether a header part names a job ("Senior Accountant", "Web Engineer")."""
    return any(w in TITLE_WORDS for w in _words(part))


def is_employer(part: str) -> bool:
    """Whether a header part names an organisation ("Acme Corp", "University of X")."""
    words = _words(part)
    return bool(words) and any(w in EMPLOYER_WORDS for w in words)


def header_parts(text: str, *, hidden: bool = False) -> list[str]:
    """A header's title, employer and location parts, placeholders and dangling punctuation removed."""
    hidden = hidden or COMPANY_PLACEHOLDER in text
    text = _LOCATION_PLACEHOLDER.sub("\t", text.replace(COMPANY_PLACEHOLDER, "\t"))
    # Where the employer is hidden, what is left is a title, and titles have commas of their own
    # ("Director of Marketing, Communications and IT").
    splitter = _SEPARATORS_NO_COMMA if hidden else _SEPARATORS
    parts = []
    for raw in splitter.split(text):
        part = raw.strip(" \t,.;:-\u2013\u2014|\u00c2\u00a0\u200b")
        # Keep a bracket that closes inside the part ("Banquet Cook 2 (Lead Cook)"), drop a dangling one.
        part = _shorten(part.strip("(") if part.count("(") > part.count(")") else part)
        part = part.lstrip(")") if part.count(")") > part.count("(") else part
        # A stray "Â" and the like: PDF mojibake, not words.
        if part and _TWO_LETTERS.search(part):
            parts.append(part)
    return parts


def _shorten(part: str) -> str:
    """A title that runs into its first duty ("Clerk Maintained front end") cut after its last job word."""
    words = part.split()
    if len(words) <= 8:
        return part
    ends = [i for i, w in enumerate(words[:8]) if any(x in TITLE_WORDS for x in _words(w))]
    return " ".join(words[: ends[-1] + 1]) if ends else part


def named_parts(text: str, *, hidden: bool = False) -> list[str]:
    """A header's parts that name something other than a place."""
    raw_parts = header_parts(text, hidden=hidden)
    # "Pleasanton, CA": a part right before a state code or a country is the city.
    return [
        p
        for i, p in enumerate(raw_parts)
        if not is_location(p)
        and not (i + 1 < len(raw_parts) and _is_region(raw_parts[i + 1]) and not is_title(p))
    ]


def title_and_employer(text: str, *, hidden: bool = False) -> tuple[str | None, str | None]:
    """The job title and the employer named in a header's text (without its dates)."""
    hidden = hidden or COMPANY_PLACEHOLDER in text
    parts = named_parts(text, hidden=hidden)
    if not parts:
        return None, None
    if hidden:
        return parts[0], None
    if all(is_employer(p) and not is_title(p) for p in parts):
        return None, parts[0]  # "Acme Solutions Pvt. Ltd.  Jul 2021 - Till Date": the title is elsewhere
    titles = [p for p in parts if is_title(p) and not is_employer(p)]
    title = titles[0] if titles else next((p for p in parts if not is_employer(p)), parts[0])
    others = [p for p in parts if p != title]
    employers = [p for p in others if is_employer(p)]
    return title, employers[0] if employers else (others[0] if others else None)


def looks_like_title_line(line: str) -> bool:
    """A short line that can name a role on its own: a few words, no sentence, no bullet."""
    stripped = line.strip()
    if not stripped or len(stripped) > 90 or stripped[0] in "\u2022*\u00b7-\u2013\u25cf\u25aa\uf0b7":
        return False
    if _CONTACT.search(stripped):
        return False
    if stripped.endswith((".", ";")) and len(stripped.split()) > 3:
        return False
    words = stripped.split()
    if len(words) > 10:
        return False
    # Sentences start with a verb in lower case after the first word; titles are capitalised.
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised / len(words) >= 0.5


@dataclass
class Header:
    """Where one role's header lies (first and last line index) and what it names."""

    first: int
    last: int
    title: str | None
    employer: str | None
    found: DateRange


def _without_dates(line: str, found: DateRange) -> str:
    if found.text:
        line = line[: found.match_start] + "\t" + line[found.match_end :]
    return DATE_PATTERN.sub("\t", line)


def read_header(lines: list[str], index: int, found: DateRange, *, claimed: int, dated: set[int]) -> Header:
    """Title and employer of the role whose dates are on ``lines[index]``, from that line or its neighbours.

    ``claimed`` is the last line index used by the role before; ``dated`` the lines that hold dates
    of their own and so belong to other roles.
    """
    rest = _without_dates(lines[index], found)
    below = lines[index + 1] if index + 1 < len(lines) and index + 1 not in dated else ""
    # The placeholder on the date line or right below it: the employer is hidden, and all the
    # remaining words are the title, commas and slashes included.
    hidden = COMPANY_PLACEHOLDER in rest or COMPANY_PLACEHOLDER in below
    own_title, own_employer = title_and_employer(rest, hidden=hidden)
    if own_title is not None and own_title[0].isdigit():
        own_title = None  # "2010 - Current, 4.5 years experience": a remark, not a title
    header = Header(index, index, own_title, own_employer, found)

    def neighbour(step: int) -> tuple[str | None, str | None]:
        at = index + step
        if at <= claimed or at >= len(lines) or at in dated:
            return None, None
        line = lines[at]
        if not looks_like_title_line(line) and COMPANY_PLACEHOLDER not in line:
            return None, None
        return title_and_employer(line, hidden=hidden)

    # With the placeholder on or under the date line, that line holds the title if it names anything.
    if own_title is None or not (is_title(own_title) or hidden):
        # "Accountant\nJanuary 2011 to ... Company Name": the title is above when the date line names a
        # place or company; "06/2010 to 11/2012\nOperations Manager Company Name": below.
        steps = [-1, 1] if hidden or header_parts(rest) else [1, -1]
        if index + 1 < len(lines) and COMPANY_PLACEHOLDER in lines[index + 1]:
            steps = [1, -1]
        options = [(step, *neighbour(step)) for step in steps]
        chosen = next((o for o in options if o[1] is not None and is_title(o[1])), None)
        if chosen is None and own_title is None:
            chosen = next((o for o in options if o[1] is not None), None)
        if chosen is not None:
            step, title, employer = chosen
            if employer is None and own_title is not None and not hidden and own_title[0].isupper():
                employer = own_title  # "Web Engineer", then "Acme  2012 - 2017": the dates name the employer
            hidden = hidden or COMPANY_PLACEHOLDER in lines[index + step]
            header.title, header.employer = title, None if hidden else employer
            header.first, header.last = min(index, index + step), max(index, index + step)
    if header.last == index and below:
        parts = named_parts(below)
        names_place = (
            COMPANY_PLACEHOLDER in below or _LOCATION_PLACEHOLDER.search(below) or header_parts(below)
        )
        if names_place and not parts and len(below) < 60:
            # "Company Name City , State" or "City , State" under the dates: still the header.
            header.last = index + 1
        elif (
            header.employer is None
            and not hidden
            and len(parts) == 1
            and looks_like_title_line(below)
            and not is_title(parts[0])
        ):
            # "Research Assistant  June 2020 - Present", then "University of X, Amherst, MA": the employer.
            header.employer, header.last = parts[0], index + 1
    return header
