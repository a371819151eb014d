"""A hand-built judgement of which job postings belong to each LiveCareer resume category's profession.

The ranking judge (benchmarks/ranking_judge.py) counts a posting in a resume's top ten as a hit when
`own_profession(resume category, posting title, posting function tags)` is true. The judgement reads the
posting TITLE, as a recruiter skimming a result list would, against one list of patterns per category,
with negative patterns where a keyword misleads. LinkedIn's function tags help only where they proved
reliable on the 932 developer postings: `HCPR` (Health Care Provider) names clinical jobs; the other tags
are too coarse or noisy (an armed security guard and a police officer are tagged `IT`, an electrical
technician `ACCT`), so they are not used.

What each category means was read off the resumes themselves (the words of their headlines, counted
over the category, never one person's text) and decided as follows:

* ACCOUNTANT: accountants, accounting clerks and managers, bookkeepers, accounts payable/receivable,
  controllers, auditors, tax preparers, payroll and billing clerks, financial reporting.
* ADVOCATE: people who speak for clients (patient, family, customer, victim advocates) and the case-work
  family around them: case managers, social workers, care coordinators, community support. Lawyers are
  NOT advocates here: the resumes are US service roles, not the Indian sense of "advocate".
* AGRICULTURE: farming, crops, agronomy, horticulture, livestock, ecology and food science (the resumes
  are mostly agricultural and environmental research assistants). The developer postings hold very few.
* APPAREL: apparel, fashion, garment, textile, clothing and merchandising jobs (merchandising appears in
  most apparel resumes). Generic retail store jobs are not counted: the title does not say apparel.
* ARTS: artists, art/music/theatre/dance, film, film editing and animation, producers, museums, and
  language-arts or humanities teachers (about half the arts resumes are arts teachers). Music therapists
  count (music is the craft).
* AUTOMOBILE: automotive and vehicle jobs: dealerships, car sales, vehicle mechanics and fleet, vehicle
  engineering and auto insurance (the automobile resumes are mostly office and claims staff of the trade).
* AVIATION: aircraft, pilots, flight, avionics, airlines and airports; an airport line cook is not.
* BANKING: bankers, tellers, loan and mortgage officers, deposits, treasury, community reinvestment,
  bank operations. Insurance underwriting is finance, not banking.
* BPO: call and contact centres, customer service and support representatives, collections, data entry
  and claims processing (the back-office work that business process outsourcing sells).
* BUSINESS-DEVELOPMENT: business development, new business, partnerships and sales development. Non-profit
  "development" (fundraising) and economic development are not business development.
* CHEF: chefs, cooks, kitchen, culinary, bakery and catering, and restaurant managers (chef resumes
  include restaurant managers and owners). Front-of-house service jobs are not counted.
* CONSTRUCTION: construction managers and workers, superintendents, estimators, building trades
  (electricians, HVAC, plumbers, carpenters, journeymen), general contractors, home inspection, public works.
* CONSULTANT: consultants of any field, except where "consultant" names a salesperson ("Sales Consultant",
  "Sales & Design Consultant") or a clinician ("Lactation Consultant", "Medical Consultant").
* DESIGNER: graphic, UX/UI, product, interior, instructional, CAD and lighting designers, art directors,
  illustrators, animators. "Design Engineer" is ENGINEERING; "Pool Design and Sales" is SALES.
* DIGITAL-MEDIA: digital marketing, social media, SEO, online content, video, multimedia, e-commerce, and
  marketing jobs in general (the digital-media resumes are marketing managers and specialists; marketing
  today is mostly digital). Marketing that is selling ("Sales and Marketing Specialist") is SALES.
* ENGINEERING: every "engineer"/"engineering" title (software included: engineering resumes hold software
  engineers), metallurgists and electronics/instrumentation technicians, except "Sales Engineer"
  (decided: SALES: LinkedIn tags it BD/SALE and the job is measured on sales) and building/facility
  engineers (building maintenance trades).
* FINANCE: finance and financial jobs (analysts, FP&A, CFOs, controllers, treasury, investment, equity,
  credit, risk, underwriting, financial advisors and professionals, budgets, revenue cycle).
* FITNESS: fitness, personal training, group and private fitness, yoga, pilates, swimming, exercise
  physiology and sports coaching. Life, youth-mentoring and instructional coaches are not fitness jobs.
* HEALTHCARE: clinical and healthcare-operations jobs (nurses, physicians, therapists, pharmacy, dental,
  medical assistants, coders and claims, patient coordination, mental health, epidemiology) and any posting
  tagged HCPR, except selling to clinicians (medical device sales, clinical account managers), health
  insurance agents, veterinarians (animal care) and drug regulatory strategy.
* HR: human resources, HRIS, recruiting, talent acquisition, staffing, payroll, benefits, compensation,
  people operations, learning and development. Selling recruitment services is not HR.
* INFORMATION-TECHNOLOGY: IT, software, data, cloud, security (cyber, not guards), networks, databases,
  help desk, enterprise platforms (SAP, Salesforce, ServiceNow, Workday ...), business and systems analysts.
* PUBLIC-RELATIONS: public relations, communications, media relations, writers, editors, reporters and
  copywriters; not technical writers, grant writers or film editors. Plain marketing titles are not
  counted: marketing communications is PR's neighbour, not its own trade.
* SALES: sales, account executives and managers, territory, inside and retail sales, business development
  and sales development representatives, insurance and real estate agents, brokers, sales engineers.
* TEACHER: teachers, instructors, tutors, educators, professors, paraprofessionals, early childhood and
  Montessori, special education and school leaders; fitness, swim and yoga instructors are FITNESS.

A posting may belong to several professions ("Healthcare Recruiter" is HR and HEALTHCARE). Generic titles
("Project Manager", "Manager", "Associate") belong to none: the title does not say which trade they serve.
Nor do trades without a category (lawyers, administrative assistants, machinists, architects, scientists).
The judge's table (`python -m benchmarks.ranking_judge`) prints each category's count over the postings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Profession:
    """The title patterns (regular expressions over the lowercased title) that define one profession."""

    include: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    tags: frozenset[str] = frozenset()  # a posting carrying one of these tags counts unless excluded
    exact: tuple[str, ...] = ()  # case-sensitive patterns over the original title ("IT" is not "it")
    _pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _negative: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _exact: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # One compiled alternation per list: the judge calls this for every (resume, posting) pair.
        object.__setattr__(self, "_pattern", re.compile("|".join(f"(?:{p})" for p in self.include)))
        negative = re.compile("|".join(f"(?:{p})" for p in self.exclude)) if self.exclude else None
        object.__setattr__(self, "_negative", negative)
        exact = re.compile("|".join(f"(?:{p})" for p in self.exact)) if self.exact else None
        object.__setattr__(self, "_exact", exact)

    def matches(self, title: str, tags: frozenset[str]) -> bool:
        """Whether a posting with this title and these function tags belongs to the profession."""
        text = " ".join(title.lower().split())
        if self._negative is not None and self._negative.search(text):
            return False
        if self._pattern.search(text) or (self._exact is not None and self._exact.search(title)):
            return True
        return bool(self.tags & tags)


_SALES_WORDS = r"\bsales\b|\bsalesperson|\bsalesman|\btelesales"

PROFESSIONS: Mapping[str, Profession] = {
    "ACCOUNTANT": Profession(
        include=(
            r"\baccount(ant|ants|ing)\b",
            r"\baccounts (payable|receivable|analyst)",
            r"\bbookkeep",
            r"\bcontroller\b",
            r"\baudit(or|ors|ing)?\b",
            r"\btax\b",
            r"\bcpa\b",
            r"\bpayroll\b",
            r"\bbilling\b",
            r"\bfinancial reporting\b",
        ),
        # A tax attorney practises law; an assistant to a controller is an administrative assistant.
        exclude=(
            r"\battorney|\blawyer|\blaw\b",
            r"\bassistant to\b",
            r"\btraffic controller",
            r"\bhr\b|\bhris\b",
        ),
    ),
    "ADVOCATE": Profession(
        include=(
            r"\badvoca(te|tes|cy)\b",
            r"\bcase manag",
            r"\bsocial work",
            r"\bvictim",
            r"\bombuds",
            r"\bpatient (navigator|advocate|liaison)",
            r"\bcare coordinator",
            r"\bcommunity support",
            r"\b(family|peer) support",
            r"\brecommending counselor",
        ),
    ),
    "AGRICULTURE": Profession(
        include=(
            r"\bagri",
            r"\bagro",
            r"\bfarm",
            r"\bcrop",
            r"\bhorticult",
            r"\bgreenhouse",
            r"\blivestock",
            r"\branch(er|ing)?\b",
            r"\bsoil",
            r"\becolog",
            r"\bforestry|\bforester",
            r"\bfood (technolog|scien)",
            r"\bgrower",
        ),
    ),
    "APPAREL": Profession(
        include=(
            r"\bapparel",
            r"\bfashion",
            r"\bgarment",
            r"\btextile",
            r"\bclothing",
            r"\bfootwear",
            r"\bmerchandis(er|ing|e planner)",
            r"\bseamstress|\btailor",
        ),
    ),
    "ARTS": Profession(
        include=(
            r"\bart\b",
            r"\barts\b",
            r"\bartist",
            r"\bmusic",
            r"\btheat(re|er)",
            r"\bdanc(e|er|ing)\b",
            r"\bmuseum",
            r"\bgaller(y|ies)",
            r"\bcurator",
            r"\banimat(or|ion)",
            r"\billustrat",
            r"\bphotograph",
            r"\bvideograph",
            r"\bfilm\b",
            r"\bworship leader",
            r"\bproducer\b",
            r"\bcreative development",
            r"\bfinishing editor|\bfilm editor",
            r"\b(humanities|english|spanish|french|language)\b.*\bteacher",
        ),
        # "Art director" is counted (it is the craft); the judgement has no other trap here.
    ),
    "AUTOMOBILE": Profession(
        include=(
            r"\bauto\b",
            r"\bautomotive",
            r"\bautomobile",
            r"\bvehicle",
            r"\bcar\b",
            r"\bdealership",
            r"\bcollision",
            r"\bfleet\b",
            r"\bstellantis\b",
            r"\b(heavy equipment|diesel|auto) mechanic",
        ),
    ),
    "AVIATION": Profession(
        include=(
            r"\baviation",
            r"\baircraft",
            r"\bpilot\b",
            r"\bflight\b",
            r"\bairline",
            r"\bairport",
            r"\bavionic",
            r"\baerospace",
            r"\bairframe",
            r"\bhelicopter",
            r"\ba&p\b",
        ),
        # An airport line cook is a CHEF job; "pilot program" is a project, not a pilot.
        exclude=(r"\bcook\b|\bchef\b|\bbarista|\bserver\b", r"\bpilot (program|project)"),
    ),
    "BANKING": Profession(
        include=(
            r"\bbank(er|ing|s)?\b",
            r"\bteller",
            r"\bloan\b",
            r"\bmortgage",
            r"\blend(ing|er)\b",
            r"\bdeposit",
            r"\btreasury",
            r"\bcra officer|community reinvestment",
            r"\borigination",
            r"\bsecurities services",
            r"\bcredit (analyst|officer|underwrit)",
        ),
        exclude=(r"\bfood bank",),
    ),
    "BPO": Profession(
        include=(
            r"\bcall cent(er|re)",
            r"\bcontact cent(er|re)",
            r"\bcustomer (service|support|care)\b",
            r"\bclient (support|service representative)",
            r"\bsupport representative",
            r"\bcsr\b",
            r"\btelesales|\btelemarket",
            r"\binbound|\boutbound",
            r"\bcollections? (specialist|agent|representative)|/collections",
            r"\bdata entry",
            r"\bclaims processor",
            r"\breservationist",
            r"\bbpo\b|\boutsourc",
            r"\bhelp ?desk",
        ),
        # A shelter team member who also cares for customers keeps animals, not a queue of calls.
        exclude=(r"\bshelter\b",),
    ),
    "BUSINESS-DEVELOPMENT": Profession(
        include=(
            r"\bbusiness development\b",
            r"\bnew business\b",
            r"\bpartnerships?\b",
            r"\balliances?\b",
            r"\bsales development\b",
            r"\b(bdr|sdr)\b",
        ),
    ),
    "CHEF": Profession(
        include=(
            r"\bchef",
            r"\bcook\b",
            r"\bculinary",
            r"\bkitchen",
            r"\bsous\b",
            r"\bbaker(y)?\b|\bpastry",
            r"\bfood ?service",
            r"\bcatering",
            r"\brestaurant",
        ),
    ),
    "CONSTRUCTION": Profession(
        include=(
            r"\bconstruction",
            r"\bsuperintendent",
            r"\bestimator",
            r"\bforem(an|en)\b",
            r"\bcarpent",
            r"\belectrician",
            r"\bplumb(er|ing)",
            r"\bhvac\b|\bheating air conditioning",
            r"\bgeneral contractor|\bgc\b",
            r"\bjourneyman",
            r"\bmason|\broofer|\bdrywall|\bconcrete",
            r"\bheavy equipment operator",
            r"\b(home|building) inspector",
            r"\bfire sprinkler",
            r"\bpublic works",
            r"\btenant interiors",
        ),
        # A mine foreman digs ore; an accountant of a builder keeps its books.
        exclude=(r"\bmine\b|\bmining\b", r"\baccountant"),
    ),
    "CONSULTANT": Profession(
        include=(r"\bconsult(ant|ants|ing|ancy)\b", r"\badvisory\b"),
        exclude=(_SALES_WORDS, r"\bdesign consultant", r"\blactation", r"\bmedical consultant"),
    ),
    "DESIGNER": Profession(
        include=(
            r"\bdesigner",
            r"\bgraphic",
            r"\bart director",
            r"\bux\b|\bui\b|\buser experience",
            r"\binterior design",
            r"\bcad\b",
            r"\bdraft(er|sman|sperson)",
            r"\billustrator",
            r"\banimator",
            r"\bdesign (center )?coordinator",
            r"\bcreative (content|director)",
        ),
        # Engineers who design (design engineer, electrical engineer / lighting designer) are ENGINEERING.
        exclude=(r"\bengineer", _SALES_WORDS),
    ),
    "DIGITAL-MEDIA": Profession(
        include=(
            r"\bdigital\b",
            r"\bsocial media\b|\bcreative and social\b",
            r"\bmedia (communications|planning|buyer|strateg)",
            r"\bmultimedia",
            r"\bseo\b|\bsearch engine optimization",
            r"\bcontent (creator|manager|strateg|writer)|\bhead of content",
            r"\bvideograph|\bvideo\b",
            r"\bmotion graphic",
            r"\bweb (growth|marketing|content|producer)",
            r"\bemail (copywriter|marketing)",
            r"\binfluencer",
            r"\be-?commerce\b",
            r"\bmarketing\b|\bmarketer|\bbrand manager|\bpromotions\b",
            r"\bfinishing editor|\bfilm editor",
        ),
        # "Digital Economy Account Executive" sells insurance; an e-commerce data analyst is a data analyst.
        exclude=(r"\baccount executive", r"\bdata analyst", _SALES_WORDS, r"\bcommission"),
    ),
    "ENGINEERING": Profession(
        include=(
            r"\bengineer(s|ing)?\b",
            r"\bmetallurgist",
            r"\b(electronics|instrumentation|engineering|electrical) technician",
        ),
        exclude=(r"\bsales (and application )?engineer", r"\b(building|facility) engineer"),
    ),
    "FINANCE": Profession(
        include=(
            r"\bfinanc(e|ial)\b",
            r"\bcfo\b|\bchief financial",
            r"\bfp&a\b",
            r"\btreasury",
            r"\binvest(ment|or)",
            r"\bequity\b",
            r"\bcredit\b",
            r"\brisk management",
            r"\bcash flow",
            r"\bbudget",
            r"\bcontroller\b",
            r"\brevenue cycle",
            r"\bunderwrit",
            r"\bsecurities\b",
            r"\borigination",
            r"\bquantitative",
            r"\bwealth",
        ),
        # Affiliate marketing of credit cards is marketing; an assistant to a controller is an assistant.
        exclude=(r"\baffiliates?\b", r"\bassistant to\b", r"\bengineer"),
    ),
    "FITNESS": Profession(
        include=(
            r"\bfitness",
            r"\bpersonal trainer",
            r"\byoga",
            r"\bpilates",
            r"\bswim",
            r"\bexercise",
            r"\bathletic trainer|\bstrength",
            r"\bgym\b",
            r"\blifeguard",
            r"\bloading coach|\b(sports|swim|athletic|strength) coach",
        ),
        exclude=(r"\blife coach", r"\binstructional coach"),
    ),
    "HEALTHCARE": Profession(
        include=(
            r"\bnurs(e|es|ing)\b",
            r"\brn\b|\blpn\b|\bcna\b|\bdon\b",
            r"\bphysician",
            r"\bmedical\b",
            r"\bclinic(al)?\b",
            r"\btherap(ist|y)\b",
            r"\bpharmac(y|ist)",
            r"\bdent(al|ist)",
            r"\bhygienist",
            r"\bpatient",
            r"\bhospitals?\b",
            r"\bhealth ?care\b",
            r"\bmental health",
            r"\bpsycholog|\bpsychotherap|\bpsychiatr",
            r"\bdietitian|\bnutritionist",
            r"\bphysiolog",
            r"\bhistolog|\bembryolog|\bphlebotom",
            r"\bprimary care",
            r"\bcare coordinator",
            r"\bbehavior technician",
            r"\bepidemiolog",
            r"\bspeech language",
            r"\bophthalm|\boptometr",
            r"\blactation",
        ),
        tags=frozenset({"HCPR"}),
        exclude=(
            _SALES_WORDS,
            r"\baccount manager|\bterritory\b|\bbusiness development",
            r"\binsurance agent",
            r"\bveterinar",
            r"\bregulatory",
            r"\bpayroll|\bhr\b",
            r"\bsoftware|\bquality assurance",
        ),
    ),
    "HR": Profession(
        include=(
            r"\bhr\b|\bhris\b|\bhuman resources?\b",
            r"\brecruit(er|ers|ing|ment)\b",
            r"\btalent (acquisition|management)",
            r"\bstaffing\b",
            r"\bpayroll\b",
            r"\bbenefits (specialist|manager|administrator|analyst)",
            r"\bcompensation\b",
            r"\bpeople (operations|experience|and office)",
            r"\blearning and development|\bl&d\b",
            r"\bgeneralist\b",
        ),
        # Selling recruitment services is business development; workers' compensation is insurance;
        # the logistics "generalist" runs a warehouse office.
        exclude=(
            r"\bbusiness development",
            r"\bworkers'? compensation",
            r"\blogistics",
            r"\baccountant|\bbookkeep",
        ),
    ),
    "INFORMATION-TECHNOLOGY": Profession(
        include=(
            r"\binformation (technology|security|system)",
            r"\bcyber",
            r"\bsoftware",
            r"\bdeveloper\b",
            r"\bprogrammer",
            r"\bdevops",
            r"\bcloud\b",
            r"\bdata (engineer|architect|scien|platform|analyst|management)",
            r"\bdatabase|\bdba\b|\bsql\b",
            r"\bnetwork\b",
            r"\bsystems? (administrator|analyst)",
            r"\bhelp ?desk|\bdesktop support|\btechnical support",
            r"\bjava\b|\.net\b|\bdotnet|\bphp\b|\bapi\b",
            r"\bfront-?end|\bback-?end|\bfull ?stack",
            r"\bsap\b|\bsalesforce|\bservice ?now|\bworkday|\bmicrostrategy|\banaplan|\bwebmethods",
            r"\bdocumentum|\bpeoplesoft|\boracle|\bm365\b|\bsharepoint|\bazure|\baws\b|\blinux|\bwindows",
            r"\bartificial intelligence|\bai\b|\bmachine learning",
            r"\bcomputer",
            r"\b(manual|software|qa) tester|\btest automation|\bsoftware development engineer",
            r"\bscrum",
            r"\bbi\b|\bbusiness intelligence",
            r"\bbusiness analyst",
            r"\bgeographic information|\bgis\b",
            r"\bsolutions? architect",
            r"\bsecurity (engineer|specialist|manager)|\bapplication security|\bissm\b",
            r"\bmsp\b|\bddi\b|\binternet of things",
            r"\btech lead|\btechnical lead",
            r"\bconfiguration manager",
        ),
        exact=(r"\bIT\b",),
        # A creative content developer and a learning-experience developer write courses, not code.
        exclude=(
            r"\bcreative content",
            r"\blearning experience",
            r"\bhr\b",
            r"\baccount (executive|manager|management)",
        ),
    ),
    "PUBLIC-RELATIONS": Profession(
        include=(
            r"\bpublic relations",
            r"\bpr\b",
            r"\bcommunications?\b",
            r"\bmedia relations",
            r"\bpress\b",
            r"\bpublicist",
            r"\bspokes",
            r"\bcopywriter",
            r"\bwriter\b",
            r"\breporter",
            r"\beditor\b",
            r"\bproofread",
        ),
        exclude=(
            r"\btechnical writer",
            r"\bgrants? writer",
            r"\bfinishing editor|\bfilm editor",
            r"\binstructor|\bteacher",
        ),
    ),
    "SALES": Profession(
        include=(
            _SALES_WORDS,
            r"\baccount (executive|manager|management)",
            r"\binside sales|\boutside sales",
            r"\bterritory\b",
            r"\bbusiness development (representative|associate|executive)",
            r"\bsales development\b|\b(bdr|sdr)\b",
            r"\bchief revenue officer",
            r"\binsurance agent",
            r"\breal estate (sales )?agent",
            r"\bbroker\b",
            r"\bbrand (representative|ambassador)",
            r"\bsales engineer",
            r"\baccount coordinator|\bclient relationship executive",
        ),
    ),
    "TEACHER": Profession(
        include=(
            r"\bteach(er|ers|ing)\b",
            r"\binstructor\b",
            r"\btutor",
            r"\beducator",
            r"\bprofessor|\blecturer",
            r"\bparaprofessional",
            r"\binstructional (aide|coach)",
            r"\bpreschool|\bpre-k\b|\bkindergarten",
            r"\bearly childhood|\bchildhood education",
            r"\bmontessori",
            r"\b(assistant|vice) principal\b",
            r"\bspecial education",
            r"\beducation coordinator",
            r"\bsubstitute\b",
        ),
        # Fitness, swim and yoga teachers are FITNESS; the "investigator/tester/teacher" is a test proctor.
        exclude=(r"\bfitness|\bswim|\byoga|\bpilates", r"\binvestigator"),
    ),
}

CATEGORIES: tuple[str, ...] = tuple(sorted(PROFESSIONS))


def own_profession(category: str, title: str, tags: frozenset[str]) -> bool:
    """Whether a posting (title, LinkedIn function tags) is a job of the resume category's own profession."""
    try:
        profession = PROFESSIONS[category]
    except KeyError:
        raise ValueError(f"unknown resume category: {category!r}") from None
    return profession.matches(title, tags)
