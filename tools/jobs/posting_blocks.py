"""Split a job posting into blocks and tell whether a skill mention is required, preferred or ignored."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

BLOCK_KINDS = ("required", "preferred", "duties", "company", "benefits", "legal", "apply", "other")
_IGNORED = frozenset({"company", "benefits", "legal", "apply"})


@dataclass(frozen=True)
class Block:
    """A run of the posting opened by one heading; the blocks of a text cover it in order."""

    kind: str
    start: int
    end: int
    heading: str


@dataclass(frozen=True)
class Cue:
    """How much a posting asks for one mention, why, and the kind of block it sits in."""

    importance: str
    reason: str
    block: str


@dataclass(frozen=True)
class _Head:
    at: int  # where the heading words begin; its block begins at block_start, the line start for a line
    block_start: int
    end: int
    kind: str
    heading: str
    weak: bool  # unknown, or an item label ("Soft skills: ..."): never splits a requirement list
    field_end: int = 0  # > 0 ends a one-line field ("Pay: $20/hr") there instead of at the next heading


# Heading words (regexes on the lowercased heading) by kind. The first kind that matches wins, so the
# narrow, telling kinds come first: "Physical requirements" is duties, "What you'll love about us" benefits.
_KIND_TABLE = r"""
legal     equal (employment )?opportunit|\beeo\b|affirmative action|accommodat|disclaimer|background check
legal     drug free|e verify|privacy|sponsorship|authori[sz]ation|diversity|inclusion|discriminat
legal     \blegal\b|ethics
benefits  benefit|\bperks?\b|\bwe offer|compensation|salary|\bpay\b|\bwages?\b|rewards|time off|\bpto\b
benefits  sign on|signing bonus|vacation|pension|\b401|insurance|\bwhy\b|you'?ll love|you will love
benefits  in it for you|bring to you
apply     (?<!should )\bapply(?! if)|applying|application|\bcontact\b|next steps|interested
preferred prefer|nice to have|good to have|bonus|\bplus(es)?\b|desired|desirable|ideally|stand out
preferred extra credit|even better|advantage|optional
duties    responsib|\bdut(y|ies)\b|what you'?ll do|what you will do|be doing|day to day|day in the life
duties    (job|role|position) (description|summary|overview|purpose|details|scope)|in this role|impact you
duties    (^|about )(the|this|your) (role|job|position|opportunity)\b|^(role|position)$|functions|tasks
duties    physical (demands|requirements)|working conditions|work(ing)? environment|accountabilit
required  requir|qualif|must|skill|abilit|knowledge|competenc|experience|education|certif|licen[cs]
required  credential|you'?ll bring|you bring|you will bring|bring to|you'?ll need|you need|you will need
required  what you have|who you are|about you|looking for|you have|you are|successful|candidate
required  the person|background|attributes|eligib|degree|expertise|apply if|should apply
company   \babout\b|who we are|company|mission|culture|\bwe are\b|the team|organi[sz]ation|employer
company   \bour (story|values|team|vision|client|purpose|people)|\bvalues\b|who is
other     additional|summary|overview|description|details|location|schedule|shift|job type|hours
"""
_KIND_WORDS: dict[str, list[str]] = {}
for _kind, _words in (row.split(maxsplit=1) for row in _KIND_TABLE.strip().splitlines()):
    _KIND_WORDS.setdefault(_kind, []).append(_words)
_KINDS = tuple((kind, re.compile("|".join(words))) for kind, words in _KIND_WORDS.items())
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_STRONG_REQUIRED = re.compile(r"requir|must|minimum|basic|qualif|\byou", re.I)

_LEAD = re.compile(r"[ \t\"]*(?:[•·▪◦►*#>_\-\u2013\u2014]+[ \t]*)*")
_COLON_HEAD = re.compile(r"([A-Za-z(][^\n:.!;]{0,70}?)[ \t]*[:\uff1a](?!//)")
_INLINE_HEAD = re.compile(r"([A-Z][^\n:.!?;()]{0,60}?)[ \t]*:(?!//)")  # mid-line: no "(Required)Location:"
# Headings glued to their first sentence, as LinkedIn leaves them: "QualificationsPrior experience ...".
_GLUED = re.compile(
    r"(?i:(?:company|role|job|position) (?:description|overview)|description|(?:key |preferred |basic )?"
    r"(?:minimum )?qualifications?|requirements|(?:key )?responsibilities|benefits|(?:required )?skills"
    r"|education|experience|competencies|duties|(?:job )?summary|overview|about us|who we are|who you are"
    r"|additional information|physical (?:requirements|demands)|working conditions|job type)(?=[A-Z][a-z]|\d)"
    r"|(?:Company Description|Role Description|Qualifications|Additional Information)[ \t]+(?=[A-Z])"
)
# Where a heading may start inside a line: after a sentence, a wide gap, glued to a lowercase word, or
# in capitals after one ("... outside vendors WHAT YOU WILL DO :Assist ...").
_AFTER_SENTENCE = re.compile(
    r"(?=[.!?:)\] \tA-Z])(?:[.!?:)\]][ \t]*|[ \t]{2,}|(?<=[a-z])|(?<=[a-z] )(?=[A-Z][A-Z ,&/]{3,}:))"
    r"(?=[A-Z])(?=[^\n:]{1,60}:|" + _GLUED.pattern + ")"
)
# Few enough words to be telling even inside a run-on line ("...on AWSPreferred qualification1.").
_STRONG = re.compile(
    r"(?=[ABDGHMNPRW])(?:(?:Preferred|Basic|Minimum|Required|Desired)"
    r" (?i:qualifications?|skills|requirements|experience|education)(?i: (?:and|&) \w+)?"
    r"|Nice to haves?|Good to haves?|Must haves?|Bonus points|How to apply|What we offer|Who we are|About us"
    r"|Who you are|What you(?:'|\u2019)ll do)(?:[ \t]*:|(?=\d|[A-Z][a-z]|[ \t]*(?:\n|$)))"
)
_ADDRESSEE = re.compile(r"(?i)\b(you|your|we|our|us)\b|\?")  # "Who you are", "Why join us?"
_CAMEL = re.compile(r"\b[a-z]+[A-Z]")  # a lowercase word run into the next: a lost line break
_JOB_TITLE = re.compile(
    r"(?i)\b(?:specialist|manager|engineer|analyst|coordinator|assistant|representative|director|technician"
    r"|associate|developer|consultant|officer|administrator|designer|intern|nurse|clerk|supervisor|agent"
    r"|accountant|advisor|recruiter|operator|generalist|architect|scientist)s?\W*$"
)
# Where a one-line field ends when its value runs on: "Pay Range: Commission OnlyWe are seeking ...".
_RUN_ON = re.compile(
    r"(?<=[a-z.])(?=(?:We|You|Our|The|This|If|As|Are|Join|Looking|Must)\b)|(?<=[a-z][.!?])(?=[A-Z][a-z])"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?=\s)")
# A company block that turns to the job ("Company Description ... We are seeking a ...") ends there.
_HIRING_START = re.compile(
    r"(?:^|[.!?:\n])[ \t]*(?P<s>(?:We are|We're|We\u2019re|Our (?:client|team|company) is|[A-Z][\w&.'-]* is)"
    r"(?: currently)? (?:seeking|looking for|hiring|searching for|in search of)"
    r"|The (?:ideal|successful) candidate|As an? [^.,\n]{1,60}, you will|You will be responsible)"
)

# Ends of a sentence or list item, including line breaks lost in the data ("supply chainBusiness").
_BOUNDARY = re.compile(
    r"(?=[\n•·▪◦►;|.!?*\-\dA-Zo])(?:\n|[•·▪◦►;|]|(?<!e\.g)(?<!i\.e)[.!?](?=[\s\"\u201d\u2019)]|[A-Z][a-z])"
    r"|(?<=[^\s-])-\s+(?=[A-Z])"
    r"|\*+(?=\s*[A-Z])|(?<![\d.,$])\d{1,2}[.)](?=[ \t]*[A-Z])|(?<![^\s.])o[ \t]+(?=[A-Z])"
    r"|(?<=[a-z]{2})(?=[A-Z][a-z])|(?<=[a-z]{4})(?=\d{1,2}(?:\+|[ \t]*[-\u2013]|[ \t]*(?:years|yrs|months))))"
)
_FILLERS = frozenset({"highly", "strongly", "very", "is", "but", "a", "an", "and", "or", ",", "-"})
_PARENS = re.compile(r"\([^()\n]*\)")
# Cues by the side of the mention they speak for: "X is a plus" (after), "preferably X" (before), either.
# A cheap look at the first letter spares trying every phrase at every position.
_CUE = re.compile(
    r"(?i)(?<![a-z])(?=[abdegimnoprwy])(?:"
    r"(?P<after>an? (?:\w+ )?plus\b|pluses\b|advantageous\b|an? (?:\w+ )?advantage\b|optional\b"
    r"|(?:is|be|are) (?:helpful|beneficial)\b|not (?:required|necessary|mandatory|needed)\b"
    r"|an? (?:\w+ )?asset\b(?! manag)|would be great\b|extra credit\b)"
    r"|(?P<before>prefer(?:ably|able)\b|ideally\b)"
    r"|(?P<pref>prefer(?:red)?\b(?! (?:partner|vendor|provider|supplier|pronoun))|nice[- ]to[- ]haves?\b"
    r"|good[- ]to[- ]haves?\b|bonus\b(?! (?:pay|plan|program|structure|eligib))"
    r"|desir(?:ed|able)\b(?! (?:results?|outcomes?))|no\b[^.\n]{0,40}?\b(?:required|necessary|needed)\b)"
    r"|(?P<req>must(?:[- ]haves?)?\b|required\b(?<!as required)(?<!if required)(?<!when required)"
    r"|requirements?\b|mandatory\b|minimum\b|at least\b|(?:you|we|will)(?:'ll|\u2019ll)? need\b"
    r"|needed\b(?<!as needed)|needs? to\b|essential\b"
    r"|necessary\b(?<!as necessary)(?<!when necessary)(?<!if necessary)))"
)
_LEGAL_SENTENCE = re.compile(
    r"(?i)equal (?:employment )?opportunity|without regard to|reasonable accommodation|e-verify"
    r"|affirmative action|protected veteran|sexual orientation|drug[- ]free"
)
# Company prose: "We are ...", "Our mission ...", "Founded in 1998, Acme ...", "Acme is a leading firm".
_COMPANY_SENTENCE = re.compile(
    r"^(?:(?i:at )[A-Z][^,.]{0,50},? )?(?i:we|we're|we\u2019re|we've|we\u2019ve|our)\b"
    r"|^(?i:founded|established|headquartered|since \d{4}|for (?:over|more than) \d+ years)\b"
    r"|^(?i:as (?:one of|an?|the) [^,.]{0,80}\b(?:firm|compan|leader|provider|organi[sz]ation))"
    r"|^[A-Z][^.!?]{0,60}? (?:is|are|has been) (?:a|an|the|one of)\b[^.]*\b(?:company|provider|leader|firm"
    r"|agency|organi[sz]ation|manufacturer|business|employer|startup|platform|group|institution|network|brand"
    r"|retailer|distributor|supplier|consultancy|non-?profit|practice|hospital|school|church|university|bank"
    r"|corporation|enterprise|studio|restaurant|clinic)"
    r"|^[A-Z][\w&.'()-]*(?: [A-Z&][\w&.'()-]*){0,4} (?:specializ|provid|offer|serv|operat|design|manufactur"
    r"|deliver|was founded|is headquartered|is based|has been)|(?i:\bfounded in \d{4})"
)
# "Our client is seeking ..." or "We use Python" is about the job even though it starts like company prose.
_JOB_TALK = re.compile(
    r"(?i)\b(?:looking for|seeking|hiring|recruit\w*|candidates?|applicants?|you|your|role|position|job|join"
    r"|opportunity|someone|person|individual|use[sd]?|using|stack)\b"
)
_WINDOW = 600  # a sentence or list item is never longer; bounds the work per mention
_REACH = 200  # in a run-on list with its separators lost, a cue further off is about another item
_REACH_AHEAD = 40  # "preferably" and "ideally" qualify the next few words only
_BLOCK_REASONS = {"duties": "in the duties", "other": "in the posting", "benefits": "in the benefits"}
_BLOCK_REASONS |= {"company": "in the company description", "legal": "in the legal notice"}
_BLOCK_REASONS |= {"apply": "in how to apply"}


def _kind_of(heading: str) -> str | None:
    words = re.sub(r"[^a-z0-9'&/+]+", " ", heading.lower().translate(_APOSTROPHES)).strip()
    return next((kind for kind, pattern in _KINDS if pattern.search(words)), None)


def _looks_like_heading(head: str, line: str) -> bool:
    # A list item such as "Strong communication skills" on its own line must not open a block, nor a
    # job title such as "Commercial Insurance Placement Specialist".
    if _JOB_TITLE.search(head):
        return False
    if "**" in line or line.lstrip().startswith("#") or head.isupper() or _ADDRESSEE.search(head):
        return True
    words = [w for w in head.split() if w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words if len(w) > 3) and words[0][0].isupper()


def _colon_head(text: str, at: int, block_start: int, m: re.Match[str], line_end: int) -> _Head | None:
    head, rest = m.group(1).rstrip(" *_)"), text[m.end() : line_end].strip(" \t\r*_-\u2013\u2014:")
    kind = _kind_of(head)
    if (not kind and rest) or _CAMEL.search(head):
        # "Location: Dallas" is a field, not a section; in "Performance bonusYearly payExperience level:"
        # list items are glued together and only the last of them is the heading.
        return None
    field_end = 0
    if kind in _IGNORED and rest and not rest.endswith(":"):
        # "Salary: $80k. Must know SQL" ends the salary; an "About us: ..." paragraph stays whole.
        ends = [_RUN_ON.search(text, m.end(), line_end)]
        ends += [_SENTENCE_END.search(text, m.end(), line_end)] if kind != "company" else []
        field_end = min([x.start() for x in ends if x] or [min(line_end + 1, len(text))])
    # "Soft skills: good listener" labels an item; a list after it ("Skills to have:- A ...") is a section.
    listed = text[m.end() : m.end() + 3].lstrip()[:1] in ("-", "*", "\u2022", "\u00b7")
    label = bool(rest) and not listed and kind == "required" and len(head.split()) > 1
    label = label and not _STRONG_REQUIRED.search(head)
    return _Head(at, block_start, m.end(), kind or "other", m.group(), not kind or label, field_end)


def _named(m: re.Match[str], block_start: int) -> _Head:
    return _Head(m.start(), block_start, m.end(), _kind_of(m.group()) or "other", m.group(), False)


def _line_heads(text: str, ls: int, le: int) -> list[_Head]:
    lead = _LEAD.match(text, ls, le)
    at = lead.end() if lead else ls
    heads: list[_Head] = []
    colon, glued = _COLON_HEAD.match(text, at, le), _GLUED.match(text, at, le)
    if colon and len(colon.group(1).split()) <= 8:
        heads += [h for h in [_colon_head(text, at, ls, colon, le)] if h]
    elif glued:
        heads.append(_named(glued, ls))
    else:
        head = text[at:le].rstrip(" \t\r*_#:")
        if 1 <= len(head.split()) <= 8 and len(head) <= 80 and head[-1:] not in ".,;":
            kind = _kind_of(head)
            if kind and _looks_like_heading(head, text[ls:le]):
                heads.append(_Head(at, ls, at + len(head), kind, head, False))
            elif head.isupper() and head[0].isalpha() and sum(c.isalpha() for c in head) >= 3:
                heads.append(_Head(at, ls, at + len(head), "other", head, True))
    for m in _AFTER_SENTENCE.finditer(text, at + 1, le):
        inline, glued = _INLINE_HEAD.match(text, m.end(), le), _GLUED.match(text, m.end(), le)
        if inline and len(inline.group(1).split()) <= 6 and _kind_of(inline.group(1)) not in (None, "other"):
            heads += [h for h in [_colon_head(text, m.end(), m.end(), inline, le)] if h]
        elif glued:
            heads.append(_named(glued, m.end()))
    return heads + [_named(m, ls if m.start() == at else m.start()) for m in _STRONG.finditer(text, ls, le)]


def find_blocks(text: str) -> list[Block]:
    """The blocks of a posting in order: an opening block of kind "other", then one per heading found.

    Headings are short phrases that open a line or follow a sentence end and are followed by a colon or a
    line break ("Requirements:", "What you'll bring", "QUALIFICATIONS"), or glued to the next sentence as
    LinkedIn leaves them ("QualificationsPrior experience"). The blocks cover the text with no gap.
    """
    heads = [head for line in re.finditer(r"[^\n]+", text) for head in _line_heads(text, *line.span())]
    heads.sort(key=lambda h: (h.at, -h.end))
    bounds: list[tuple[int, str, str]] = [(0, "other", "")]
    taken, pending = 0, 0
    for head in heads:
        if head.at < taken:
            continue
        if pending and pending <= head.block_start:
            bounds.append((pending, "other", ""))
            pending = 0
        if head.weak and bounds[-1][1] in ("required", "preferred"):
            continue
        if bounds[-1][0] == head.block_start:
            bounds.pop()
        bounds.append((head.block_start, head.kind, head.heading.strip()))
        taken, pending = head.end, head.field_end
    if pending and pending < len(text):
        bounds.append((pending, "other", ""))
    blocks: list[Block] = []
    for (start, kind, heading), end in zip(bounds, [b[0] for b in bounds[1:]] + [len(text)], strict=True):
        body = text.find(heading, start) + len(heading) if heading else start
        hiring = _HIRING_START.search(text, body, end) if kind == "company" else None
        if hiring and (cut := hiring.start("s")) > start:
            blocks += [Block(kind, start, cut, heading), Block("other", cut, end, "")]
        elif end > start:
            blocks.append(Block(kind, start, end, heading))
    return blocks or [Block("other", 0, 0, "")]


def _unit(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    def real(m: re.Match[str]) -> bool:
        # A case change is a lost line break only after a lowercase word ("chainBusiness"), not "JavaScript".
        k = m.start()
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        return bool(m.group()) or text[k].islower()

    ahead = next((m.start() for m in _BOUNDARY.finditer(text, end, hi) if real(m)), hi)
    # Most items are short: look just behind the mention first, and the whole window only if need be.
    for left in (max(lo, start - 120), lo):
        behind = [m.end() for m in _BOUNDARY.finditer(text, left, start) if real(m)]
        if behind:
            return behind[-1], ahead
    return lo, ahead


def _nearest_cue(text: str, lo: int, hi: int, span: tuple[int, int], sided: bool) -> tuple[str, str] | None:
    start, end = span
    best: tuple[int, int, str] | None = None
    for m in _CUE.finditer(text, lo, hi):
        distance = max(start - m.end(), m.start() - end, 0)
        after, before = m.group("after") and m.start() >= end, m.group("before") and m.end() <= start
        # "preferably" reaches a few words on ("preferably in retail"), unless a parenthesis holds both.
        wrong_side = sided and ((m.group("after") and not after) or (m.group("before") and not before))
        far = distance > (_REACH_AHEAD if before else _REACH)
        if wrong_side or far or (m.start() < end and m.end() > start):
            continue  # the mention's own words ("Required Skills") say nothing about it; far cues neither
        key = (distance, 1 if m.group("req") else 0, m.group())
        best = key if best is None or key[:2] < best[:2] else best
    return ("required" if best[1] else "preferred", f'said to be "{best[2].lower()}"') if best else None


def _phrase_cue(text: str, lo: int, hi: int, start: int, end: int) -> tuple[str, str] | None:
    # Keep a parenthesis to the item it is in: "Java, Go (Rust preferred)" prefers Rust only.
    lo, hi = max(lo, start - _REACH), min(hi, end + _REACH)
    masked = list(text[lo:hi])
    for group in _PARENS.finditer(text, lo, hi):
        inside = group.start() < start and group.end() >= end
        # "Python (preferred)" speaks of Python; "Go (Rust preferred)" does not speak of Go.
        bare = [w for w in _CUE.sub("", group.group()[1:-1]).split() if w not in _FILLERS]
        right_after = group.start() >= end and not bare and not text[end : group.start()].strip(" \t,")
        if (inside or right_after) and (found := _nearest_cue(text, *group.span(), (start, end), False)):
            return found
        if not inside:
            masked[group.start() - lo : group.end() - lo] = " " * (group.end() - group.start())
    return _nearest_cue("".join(masked), 0, hi - lo, (start - lo, end - lo), True)


def classify(text: str, blocks: list[Block], start: int, end: int) -> Cue:
    """How much the posting asks for the mention text[start:end], and why.

    A cue in the same sentence, list item or parenthesis ("is a plus", "required") wins; otherwise the block
    decides: requirement and duty blocks ask for it, preferred blocks prefer it, and company, benefits,
    legal and how-to-apply blocks, like a company sentence in the opening text, do not ask for it at all.
    """
    if not blocks:
        return Cue("required", _BLOCK_REASONS["other"], "other")
    block = blocks[max(bisect.bisect_right([b.start for b in blocks], start) - 1, 0)]
    heading_end = text.find(block.heading, block.start) + len(block.heading) if block.heading else block.start
    body = heading_end if heading_end <= start else block.start
    lo, hi = _unit(text, max(body, start - _WINDOW), min(max(block.end, end), end + _WINDOW), start, end)
    sentence = text[lo:hi].strip(" \t-*•")
    # Legal sentences are full of "must" and "required" that ask nothing of the candidate's skills.
    kind = "legal" if block.kind == "legal" or _LEGAL_SENTENCE.search(sentence) else block.kind
    found = _phrase_cue(text, lo, hi, start, end) if kind != "legal" else None
    if found:
        return Cue(found[0], found[1], block.kind)
    if kind in ("required", "preferred"):
        return Cue(kind, f'under "{block.heading.strip(" *#_:-•?")}"', block.kind)
    if kind == "other" and _COMPANY_SENTENCE.search(sentence) and not _JOB_TALK.search(sentence):
        kind = "company"
    return Cue("ignored" if kind in _IGNORED else "required", _BLOCK_REASONS[kind], block.kind)
