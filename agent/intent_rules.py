"""Keyword rules of the offline intents: regular expressions on normalised text, each with a weight.

The classifier adds the weights of the rules an intent matches (capped at 1) to that intent's best
exemplar cosine. A weight of 1 settles the intent over any embedding score; a smaller one tips a close
call. Text is lower case, typos of keywords fixed, and quoted words replaced by 'something'.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    """A keyword rule: its intent, its weight, and alternative patterns (any one matching counts)."""

    intent: str
    weight: float
    patterns: tuple[str, ...]

    @property
    def pattern(self) -> str:
        """The alternatives as one regular expression."""
        return "|".join(f"(?:{p})" for p in self.patterns)


TASK = r"(?:tasks?|todos?|to-?dos?|to do list|reminders?)"
JOB = r"(?:jobs?|postings?|roles?|positions?|vacanc(?:y|ies)|openings?|job ads?|offers?)"
LEVEL = r"(?:expert|advanced|intermediate|beginner|basic|novice|level \d)"
ASK = r"(?:show|list|see|view|display|open|give|get|what(?:'s| is| are)?|whats|which|where|any|read)"
MOVE = r"(?:move|push|postpone|delay|reschedule|shift|defer)"
CHANGE = r"(?:set|change|update|bump|raise|lower|adjust|increase|decrease|upgrade|downgrade)"
DONE = r"(?:done|finished|complete|completed)"
SKILL_LIST = r"(?:my )?(?:profile|skills|skill list|skillset)"
SELF_RATED = r"(?:good|skilled|proficient|fluent|strong|experienced)"
QUESTION = r"(?:what|which|how|are|is|do|did|show|list|any)"

# Words the rules key on: a typo of one of them ("shwo", "taks", "remvoe") is read as the word.
KEYWORDS = frozenset(
    """show list tasks task todo notes note profile skills skill resume report reports remove delete analyse
    analyze finished finish complete completed schedule reschedule learning learn plan should occupation
    occupations uploaded upload what which study course postpone remember remind mark done goal career careers
    requirements posting postings please level expert advanced intermediate beginner move push delay explain
    define lookup match missing saved""".split()  # noqa: SIM905  (a word list reads better as text)
)
# Chat shorthand that the tokenizer knows as words, so the typo pass would leave it alone.
SHORTHAND = {
    "wat": "what",
    "whats": "what's",
    "whta": "what",
    "pls": "please",
    "plz": "please",
    "u": "you",
    "ur": "your",
}

RULES: tuple[Rule, ...] = (
    # chit-chat: only when it is the whole message
    Rule(
        "greeting",
        1.0,
        (
            r"^(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening))\b"
            r"[\s!.,]*(?:there|jobmate)?[\s!.,]*$",
        ),
    ),
    Rule(
        "thanks",
        1.0,
        (r"^(?:(?:ok(?:ay)?|great|perfect|awesome|nice)[\s,!]+)?(?:thanks|thank you|thx|ty|cheers)\b",),
    ),
    Rule(
        "thanks", 1.0, (r"^(?:ok(?:ay)?|cool|great|nice|got it|sure|alright|perfect|awesome|good)[\s!.]*$",)
    ),
    Rule(
        "help",
        1.0,
        (
            r"^(?:help|\?|menu|commands)[\s!?.]*$",
            r"\bwhat can (?:you|i) (?:do|ask)\b",
            r"\bhow does (?:this|it) work\b",
        ),
    ),
    # occupations
    Rule("show_occupation", 1.0, (r"\b\d{2}-\d{4}(?:\.\d{2})?\b",)),
    Rule(
        "show_occupation", 0.6, (r"\b(?:the )?occupation (?!for\b|of\b|like\b|that\b|related\b|match)[a-z]",)
    ),
    Rule(
        "search_occupations",
        0.6,
        (
            r"\boccupations\b",
            r"\bcareers?\b",
            r"\bprofessions?\b",
            rf"\b{JOB} (?:like|similar)\b",
            r"\bkinds? of jobs\b",
        ),
    ),
    Rule("search_occupations", 0.5, (r"\b(?:which|what) jobs\b.*\b(?:with|use|involve|for|match|fit)\b",)),
    Rule(
        "search_jobs",
        0.8,
        (
            rf"\b(?:find|search|look(?:ing)? for|show|get|any|list)\b.{{0,40}}\b{JOB}\b.{{0,40}}"
            r"\b(?:in|near|around)\s+[a-z]+(?:\s+[a-z]+)?\s*[?.!]*$",
            rf"\bremote (?:\w+ )?{JOB}\b",
            r"\b(?:hiring|openings?|vacanc(?:y|ies)|job (?:listings?|ads|boards?))\b",
            r"^(?:please )?(?:find|get) me (?:a|some) jobs?\b",
        ),
    ),
    # notes
    Rule(
        "add_note",
        1.0,
        (
            r"^(?:note|memo)(?: to self)?(?: (?:on|to|for|about) [^:]{1,40})?\s*[:\-]",
            r"\b(?:add|save|make|write|take|leave)\b.{0,12}\bnotes?\b(?! (?:list|i))",
            r"^(?:please |pls )?(?:remember|jot down|write down|note down|keep in mind)\b",
            r"^don't forget that\b",
        ),
    ),
    Rule(
        "list_notes",
        0.8,
        (rf"\b(?:{ASK}|my)\b.{{0,20}}\bnotes\b", r"\bwhat (?:have|did) i (?:noted?|written|wrote|saved)\b"),
    ),
    # tasks
    Rule(
        "create_tasks",
        1.0,
        (
            r"\bremind me\b(?! (?:which|what|who|how|where|why|of)\b)",
            r"^(?:new |a )?(?:task|todo|to-do)\s*[:\-]",
            rf"\b(?:put|add|save) (?:it|that|this) "
            rf"(?:as an? (?:task|todo|reminder)|(?:on|to|in) my (?:list|{TASK}))",
            r"^(?:add|create|make|set up|new|schedule) (?:me )?(?:a |an |new |another )?"
            r"(?:task|todo|to-do|reminder)s?\b",
        ),
    ),
    Rule(
        "create_tasks",
        0.6,
        (
            r"^add (?:this |these |it )?to my (?:todo|to-do|to do|task|list)",
            rf"\b(?:add|put|stick|pop|throw)\b.{{0,60}}\b(?:to|on|onto) my (?:{TASK}|list)\b",
        ),
    ),
    Rule("create_tasks", 0.7, (rf"\b(?:add|create|make|new|put|set up)\b(?! a note).{{0,40}}\b{TASK}\b",)),
    Rule("list_tasks", 0.7, (rf"\b(?:{ASK}|my)\b.{{0,25}}\b{TASK}\b",)),
    Rule(
        "list_tasks",
        0.8,
        (r"\bwhat (?:have i|did i) (?:completed|finished|done)\b", r"\bwhat(?:'s| is) (?:due|next)\b"),
    ),
    Rule("complete_task", 1.0, (rf"\b(?:mark|tick|check|cross)\b.{{0,40}}\b(?:{DONE}|off)\b",)),
    Rule("complete_task", 1.0, (rf"\b{TASK} #?\d+ is {DONE}\b", r"^done\s*:")),
    Rule(
        "complete_task",
        0.9,
        (
            r"^(?:i(?:'ve| have)? )?(?:just |also )?"
            r"(?:finished|completed|did|done with|i'm done with|im done with)\b",
            rf"^(?!{QUESTION}\b).+\b(?:is|are) (?:now )?{DONE}\b",
        ),
    ),
    Rule("reschedule_task", 0.6, (rf"\b{MOVE}\b",)),
    Rule("reschedule_task", 0.5, (rf"\b{MOVE}\b.{{0,40}}\b(?:{TASK}|back|until|till)\b",)),
    Rule(
        "reschedule_task",
        1.0,
        (
            r"\b(?:need|want|give me|get) (?:another|more|an extra|extra|a few more|\d+ more) "
            r"(?:days?|weeks?|time)\b",
        ),
    ),
    # goals
    Rule("create_goal", 0.6, (r"\bgoal\b", r"^(?:target|objective|ambition|aim)\s*:")),
    Rule(
        "create_goal", 0.6, (r"\b(?:my|new|set a|add a|make (?:that|it|this) a|career) goal\b", r"^goal\s*:")
    ),
    # jobs and reports
    Rule("list_gap_reports", 0.8, (r"\b(?:reports|analyses|gap reports)\b",)),
    Rule(
        "gap_report",
        1.0,
        (
            r"\bgap\b(?! (?:reports|analyses))",
            r"\bstands? between\b",
            r"\bmissing for\b",
            r"\bhow (?:do i|would i|can i) match\b",
            r"\bstack up\b",
            r"\bhow (?:close|far) am i\b",
            r"\b(?:my )?chances?\b",
            r"\bwhat it takes\b",
        ),
    ),
    Rule(
        "gap_report",
        0.7,
        (
            rf"\b(?:fit|match|qualified|compare|lack|ready)\b.{{0,40}}\b{JOB}\b",
            r"\bcompare my (?:profile|skills|resume)\b",
        ),
    ),
    Rule(
        "analyse_job",
        0.6,
        (
            r"\b(?:analy[sz]e|analysis|break down|requirements?|asks? for|needs?|requires?)\b"
            rf".{{0,40}}\b{JOB}\b",
        ),
    ),
    Rule(
        "analyse_job",
        0.6,
        (
            rf"\b{JOB}\b.{{0,40}}\b(?:asks? for|need|require|want|looking for|expect)s?\b",
            rf"^analy[sz]e {JOB}\b",
        ),
    ),
    # learning plans
    Rule(
        "learning_plan",
        0.8,
        (r"\b(?:learning|study) (?:plan|roadmap)\b", r"\bwhat (?:should|do) i (?:learn|study)\b"),
    ),
    Rule(
        "learning_plan",
        1.0,
        (r"\bwhat (?:should|do|must) i (?:work on|focus on|improve|practi[cs]e|pick up)\b",),
    ),
    Rule("learning_plan", 0.3, (r"\b(?:plan|learn|study|studying|course|courses)\b",)),
    Rule(
        "schedule_plan",
        1.0,
        (r"\bplan (?:my|the) (?:next|coming)\b", r"\bschedule my (?:learning|studying|study)\b"),
    ),
    Rule(
        "schedule_plan",
        1.0,
        (rf"\bplan\b.{{0,30}}\binto (?:{TASK})\b", rf"\b{TASK} (?:from|for) (?:the|my) (?:learning )?plan\b"),
    ),
    # the skill profile
    Rule("add_profile_skill", 0.8, (rf"\b(?:add|put|include)\b.{{1,40}}\b(?:to|on|in|into) {SKILL_LIST}\b",)),
    Rule(
        "add_profile_skill",
        0.8,
        (
            r"^(?:add|new) skill\b",
            r"^i (?:also )?(?:know|can use|speak)\b",
            r"\bi(?:'ve| have)(?: got)? (?:\w+ )?(?:experience|knowledge|skills?) (?:in|with|of)\b",
            r"\b(?:years?|yrs) (?:of )?(?:experience |work )?(?:with|in|using|doing)\b",
            rf"^i(?:'m| am) (?:(?:also|really|pretty|quite|very|fairly) )*(?:an? )?(?:{LEVEL}|{SELF_RATED})\b"
            r"(?! (?:job|role|position|fit|match))",
        ),
    ),
    Rule("add_profile_skill", 0.5, (r"^add (?!(?:a|an|the|to|this|that|it|my|me|some|these)\b)\S",)),
    Rule(
        "change_profile_skill",
        0.9,
        (
            rf"\b{CHANGE}\b.{{0,40}}\b(?:level|to \d|to {LEVEL})\b",
            rf"\bactually\b.{{0,20}}\b{LEVEL}\b",
            rf"\bshould be (?:an? )?{LEVEL}\b",
            rf"\bi(?:'m| am) (?:only|actually|really|just|more like|now) (?:an? )?{LEVEL}\b",
        ),
    ),
    Rule(
        "change_profile_skill",
        0.8,
        (r"\b(?:make|set|put) (?:my )?\S+(?: \S+)? (?:level )?(?:to |at )?(?:level )?[1-5]\b",),
    ),
    Rule(
        "remove_profile_skill",
        0.6,
        (r"\b(?:remove|delete|drop|erase)\b", r"\btake\b.{1,30}\b(?:off|out)\b", r"\bget rid of\b"),
    ),
    Rule("remove_profile_skill", 0.3, (r"\b(?:don't|do not|never)\b.{0,20}\b(?:know|used|use)\b",)),
    Rule(
        "lookup_skill",
        0.7,
        (
            r"^(?:what(?:'s| is| are)|whats|explain|define)\b"
            r"(?!.*\b(?:my|i|jobs?|tasks?|reports?|postings?|notes?)\b)",
            r"^(?:look up|lookup)\b(?! my\b)",
        ),
    ),
    Rule(
        "lookup_skill",
        1.0,
        (
            r"\b(?:tell me about|look up|lookup|info(?:rmation)? (?:on|about)|details (?:on|about))"
            r" (?:the )?skill\b",
            r"^what does .+ (?:mean|stand for)\b",
        ),
    ),
    Rule(
        "show_profile",
        0.6,
        (
            r"\b(?:my )?(?:skill )?profile\b",
            r"\bmy skills\b",
            r"\bgood at\b",
            r"\bmy strengths\b",
            r"\bskills do (?:you|i) have\b",
        ),
    ),
    Rule("read_resume", 0.6, (r"\b(?:resume|cv|curriculum vitae)\b",)),
    Rule("read_resume", 0.5, (r"\.(?:pdf|docx|txt|md)\b", r"\buploade?d?\b")),
)
