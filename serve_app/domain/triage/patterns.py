"""Compiled patterns for every signal, grouped by the route they speak for.

All prose patterns run on normalised text: lower case, contractions expanded ("does not"),
single spaces. Patterns describe kinds of phrasing, never whole example messages.
"""

import re
from typing import Final

from serve_app.domain.triage.phrases import whole_words
from serve_app.domain.triage.vocabulary import (
    EXCEPTION_NAME_FRAGMENTS,
    OFF_TOPIC_PHRASES,
)

_EXCEPTIONS: Final = "|".join(sorted(EXCEPTION_NAME_FRAGMENTS, key=len, reverse=True))

# --- debug -------------------------------------------------------------------------------

TRACEBACK_HEADER: Final = re.compile(r"traceback \(most recent call last\)", re.IGNORECASE)
TRACEBACK_FRAME: Final = re.compile(r'file "[^"\n]+", line \d+', re.IGNORECASE)

# Talking about handling an exception is a concept question, not a report of one.
HANDLED_EXCEPTION: Final = re.compile(
    r"\b(?:except|raise|raising|raises? an?|throw|throwing|catch|catching|handle|handling|"
    r"custom|define|defining|create|creating|my own)\s+(?:an?\s+|the\s+|my\s+own\s+|custom\s+)?"
    rf"\(?(?:(?:{_EXCEPTIONS})|errors?|exceptions?)\b"
    r"|\b(?:error|exception)s? handling\b"
)
EXCEPTION_NAME: Final = whole_words(EXCEPTION_NAME_FRAGMENTS)
# "KeyError: 'age'" as Python prints it. In pasted code only a line that starts with the
# name counts: "except KeyError:" handles an error, it does not report one.
EXCEPTION_MESSAGE: Final = re.compile(rf"(?<![a-z0-9_])(?:{_EXCEPTIONS})\s*:\s*\S")
EXCEPTION_OUTPUT_LINE: Final = re.compile(
    rf"^\s*(?:[A-Za-z_][\w.]*\.)?(?:{_EXCEPTIONS})(?::|\s*$)", re.IGNORECASE | re.MULTILINE
)
ERROR_MESSAGE: Final = re.compile(
    r"index out of range|is not defined|not subscriptable|is not callable|is not iterable|"
    r"has no attribute|unsupported operand|can only concatenate|invalid syntax|"
    r"unexpected indent|expected an indented block|unindent does not match|"
    r"takes \d+ positional arguments?|missing \d+ required positional|division by zero|"
    r"maximum recursion depth|invalid literal for int|no module named|unhashable type|"
    r"must be str, not|while scanning string literal|unterminated string|"
    r"referenced before assignment|can not access local variable|"
    r"string indices must be integers|values to unpack|no such file or directory|"
    r"changed size during iteration|has no len|'nonetype' object|"
    r"object is not|expected '?:'?|was never closed|unmatched '?[)\]}]|does not support|"
    r"not supported between instances|got an unexpected keyword argument|"
    r"can not be interpreted as|can not unpack|object is not an iterator"
)
ERROR_ENCOUNTERED: Final = re.compile(
    r"\b(?:get|gets|getting|got|keep getting|throws?|throwing|gives?|giving|shows?|showing|"
    r"raises|raised|having|see|seeing|hit|hitting)\b[^.?!]{0,30}"
    rf"(?<![a-z0-9_])(?:{_EXCEPTIONS}|errors?|exceptions?)(?![a-z0-9_])"
)
PROBLEM: Final = re.compile(
    r"\b(?:errors?|bugs?|buggy|broken|crash(?:es|ed|ing)?|fix(?:ing|ed)?|debug(?:ging)?|"
    r"fail(?:s|ed|ing|ure)?|wrong|incorrect|not (?:working|running|compiling|printing)|"
    r"(?:does|do|did|will|is|can) not (?:work|run|compile|stop|print|show|return)|"
    r"can not get (?:it|this) to work|nothing (?:happens|prints|shows)|no output|"
    r"blank output|returns? none|prints? none|keeps? (?:giving|returning|printing|crashing|"
    r"saying|looping|running|going)|(?:runs?|running|going|loops?|looping) forever|"
    r"stuck in (?:an? |the )?(?:infinite |endless )?loop|"
    r"(?:infinite|endless) loop|never (?:ends|stops|terminates|finishes)|hangs?|"
    r"freez(?:es|ing)|issue with|problem with|messed up|glitch)\b"
)
OWN_CODE: Final = re.compile(
    r"\b(?:my|our) (?:\w+ ){0,2}?(?:code|program|script|function|loop|class|solution|"
    r"answer|output)\b"
)
WHY_DEBUG: Final = re.compile(
    r"\bwhy (?:does|do|did|is|are|was|does not|do not|did not|is not|will not|can not)\s+"
    r"(?:this|my|it|that|the (?:code|program|output|result|function|loop|script|answer)|"
    r"(?:i|we) (?:keep )?(?:get|getting|see|seeing))\b"
    r"(?![^.?!]*\b(?:better|important|useful|needed|necessary|called|preferred|recommended|"
    r"designed|good|bad|used for)\b)"
    r"|\bwhy am i (?:getting|seeing)\b"
)
UNEXPECTED_RESULT: Final = re.compile(
    r"\b(?:prints?|printing|returns?|returning|outputs?|gives?|giving|shows?|getting|got|get)\b"
    r"[^.?!]{0,40}\binstead of\b"
    r"|\bexpected\b[^.?!]{0,40}\bbut\b"
    r"|\bshould (?:print|return|output|give|be|show)\b[^.?!]{0,40}\bbut\b"
    r"|\bbut (?:it )?(?:only )?(?:prints?|returns?|gives?|outputs?|shows?|got)\b"
    r"|\b(?:returns?|prints?|outputs?|gives?|shows?) (?:me )?(?:the same|nothing|an? empty|none|"
    r"the wrong|wrong)\b|\balways (?:returns?|prints?|gives?|outputs?|shows?)\b"
)

# --- concepts ----------------------------------------------------------------------------

CONCEPT_STRONG: Final = re.compile(
    r"\bexplain\b|\bexplanation\b"
    r"|\bhow (?:does|do|did|can|will) (?:an? |the )?[^.?!]{1,40}? work\b"
    r"|\bdiff?erences? (?:of|in) \w+ (?:and|or|vs\.?|versus) \w+"
    r"|\bdifferences? between\b|\bdifferent from\b|\b(?:vs\.?|versus)\b|\bcompared? (?:to|with)\b"
    r"|\bwhen (?:should|would|do|can|to) (?:i |you |we |one )?(?:use|choose|pick|prefer)\b"
    r"|\bwhy (?:do|would|should|did|does) (?:we|you|i|people|programmers|one) "
    r"(?:need|use|have|want|prefer|write|bother)\b"
    r"|\bwhy (?:does|is|do|are) python\b|\bwhy (?:use|have|learn|bother with|would anyone)\b"
    r"|\bwhy (?:is|are) (?:it|this|that|they) (?:important|useful|better|needed|necessary|"
    r"called|preferred|recommended)\b"
    r"|\bwhat (?:is|are) the (?:point|purpose|use|benefit|advantage|meaning)s? of\b"
    r"|\bpurpose of\b|\bmeaning of\b|\bdefinition of\b"
    r"|\bwhat (?:does|do|will|would) [^.?!]{1,50}?\b(?:mean|do|print|return|output|stand for)\b"
    r"|\bteach me\b|\bhelp me understand\b|\b(?:want|like|need) to (?:learn|understand|know)\b"
    r"|\blearn (?:about|how)\b|\btell me about\b|\bwalk me through\b"
    r"|\b(?:(?:do|does|can|did) not (?:really |quite |fully )?|never )"
    r"(?:understand|understood|get|got) "
    r"(?!(?:it|this|that)\b[ .!?]*$|why (?:my|this|it)\b|what (?:is |went )?wrong\b)\w"
    r"|\bhow (?:an? |the )?(?:\w+ ){1,3}?works?\b"
    r"|\bconfus(?:ed|ing)\b|\bstruggl(?:e|ing) (?:with|to understand)\b|\bhard to understand\b"
)
CONCEPT_WEAK: Final = re.compile(
    r"\bwhat (?:is|are|was|were)\b(?! (?:wrong|happening|going on|causing|up\b|the (?:problem|"
    r"issue|error|bug|mistake)))"
    r"|\bhow (?:do|can|should|would|could) (?:i|you|we|one)\b(?! (?:fix|debug|solve|get rid|"
    r"stop|repair|make (?:it|this) work))"
    r"|\bhow to\b(?! (?:fix|debug|solve|get rid|stop|repair))"
    r"|\bexamples? of\b|\bshow me (?:an? )?(?:example|how)\b|\b(?:an|another|some) examples?\b"
    r"|\bdescribe\b|\bsummar(?:y|ise|ize)\b|\boverview\b|\bcheat ?sheet\b|\bsyntax (?:for|of)\b"
    r"|\bis it (?:better|possible|okay|ok|bad|good|true|necessary) to\b|\bshould i (?:use|learn)\b"
    r"|\bbest (?:practices?|way to)\b|\b(?:good|bad) practice\b|\bwhich (?:is|one|should)\b"
    r"|\bcan (?:i|you|we) (?:use|put|store|nest|pass|call|return)\b|\bwhat (?:happens|if)\b"
    # "why does range(5) stop at 4": a question about how a thing behaves, not about a
    # program of the student's that misbehaves (WHY_DEBUG takes "why does my/this/it").
    r"|^why (?:does|do|is|are|can|does not|do not|is not|are not|can not) "
    r"(?!(?:this|that|it|my|our|the (?:code|program|output|result|script|loop)|i|we)\b)\w"
    # Yes/no questions about a thing, not about the student's own code ("is a tuple mutable").
    r"|^(?:is|are|can|could|does|do|should|would) "
    r"(?!(?:it|this|that|my|you|u|not)\b|i (?:have|get|try|do|see|ask)\b)\w"
)

# Asking for a review or for code to be written: no error, so a concept conversation.
CODE_REVIEW: Final = re.compile(
    r"\bis (?:this|it|my code|that|my solution) (?:a )?(?:good|ok|okay|efficient|pythonic|clean|"
    r"readable|fine|bad|the best)\b|\bbetter way\b|\bmore (?:pythonic|efficient|readable)\b"
    r"|\bimprove (?:it|this|my code|my solution)\b|\brefactor|\bcode review\b|\breview my\b"
    r"|\bmake (?:it|this) (?:better|faster|cleaner|shorter|simpler)\b"
)
BUILD_REQUEST: Final = re.compile(
    r"\b(?:write|make|build|create|code)(?: me| us)? (?:an?|some|the)(?: \w+){0,3}? "
    r"(?:program|script|function|code|class|loop|app|game|bot|website|tool)s?\b"
)
QUESTION_FORM: Final = re.compile(
    r"^(?:who|what|when|where|why|how|which|whose|is|are|can|could|does|do|did|should|would|"
    r"will)\b|\?\s*$"
)
HELP_SEEKING: Final = re.compile(
    r"\b(?:help|stuck|question|problem|confused|understand|learn|tutor|lost)\b"
)

CURIOSITY: Final = re.compile(
    r"\b(?:just|only|i am|purely) (?:curious|wondering)\b|\bout of curiosity\b"
    r"|\bcurious (?:why|how|about|what)\b|\bnothing is (?:broken|wrong)\b"
    r"|\bnot (?:asking|trying to get) (?:you |anyone )?(?:to )?(?:fix|debug)\b"
    r"|\b(?:it|the code|this) works(?: fine)?,? (?:but|i just|i only)\b|\bunder the hood\b"
    r"|\bwhy (?:does|is|do|did) python\b|\b(?:behaves?|acts?) (?:like|differently|this way)\b"
)
NOTHING_TO_FIX: Final = re.compile(
    r"\bnot (?:asking|trying to get) (?:you |anyone )?(?:to )?(?:fix|debug) \w+"
    r"|\bnothing is (?:broken|wrong)\b"
)

# --- exercise ----------------------------------------------------------------------------

_EXERCISE_NOUN: Final = (
    r"(?:exercises?|quiz(?:zes)?|challenges?|katas?|drills?|worksheets?|puzzles?|riddles?|"
    r"brain ?teasers?|"
    r"(?:practice|practise|coding|programming|python|homework|interview|leetcode|test)"
    r"[- ](?:problems?|questions?|tasks?|exercises?|challenges?)|"
    r"homework[- ]style(?: tasks?| problems?| exercises?| questions?)?|"
    r"(?:problems?|questions?|tasks?) (?:to|for me to) (?:solve|practi[cs]e|code|try|work on))"
)
_REQUEST: Final = (
    r"(?:give|send|show|get|generate|make|create|set|assign|suggest|recommend|want|need|"
    r"offer|prepare|pick|find|can i (?:have|get|try|do)|could i (?:have|get|try|do)|"
    r"may i have|let me (?:try|do)|i would like|to (?:do|try|solve))"
)
_AMOUNT: Final = (
    r"(?:an?|some|more|another|one|new|few|a few|\d+|two|three|five|the next|next|other|"
    r"different|similar)"
)
EXERCISE_REQUEST: Final = re.compile(
    rf"\b{_REQUEST}\b(?: me| us)? {_AMOUNT}(?: \w+){{0,3}}? {_EXERCISE_NOUN}\b"
    # "problem" and "question" alone only count when clearly requested, not when reported.
    r"|\b(?:give|send|set|generate|make|create|assign|ask|can i (?:have|get|try)|"
    r"could i (?:have|get|try)|may i have|i (?:want|would like))\b(?: me| us)? "
    rf"{_AMOUNT}(?: \w+){{0,3}}? (?:problems?|questions?|tasks?)\b"
)
EXERCISE_NOUN: Final = re.compile(rf"\b{_EXERCISE_NOUN}\b")
PRACTICE_INTENT: Final = re.compile(
    r"(?<!best )(?<!good )(?<!bad )(?<!common )(?<!standard )(?<!in )"
    r"\b(?:practi[cs](?:e|ing)|train(?:ing)? (?:on|with|my)|drill me|sharpen|hone my|"
    r"get better at|improve (?:my (?:skills?|python|coding|knowledge|understanding)|at))\b"
    r"(?! (?:is|are) (?:good|bad|best|common|recommended))"
)
TEST_ME: Final = re.compile(
    r"\b(?:test|quiz|challenge|drill|examine) (?:me|my (?:skills?|knowledge))\b"
    r"|\b(?:something|anything|a thing) (?:for me )?to (?:solve|code|practi[cs]e|work on|try)\b"
    r"|\bcan i (?:try|attempt|solve) (?:one|something|a problem|a few)\b"
    r"|\b(?:test|check|see) (?:if|whether|how well) i (?:really )?(?:understand|know|get|"
    r"remember|can)\b|\bcheck my understanding\b|\bput me to the test\b"
)
# "quiz me on the periodic table": a practice request that names its own subject.
NAMED_SUBJECT: Final = re.compile(
    r"\b(?:on|about|for|in) (?:the |my |a |an |some |our )?(?!(?:me|it|this|that|these|"
    r"python|today|tonight|now|beginners?|practice|coding|programming|code|fun|real|interviews?|"
    r"a row|general|difficulty|level|each|every|one|two|three|five|ten|minutes?|hours?)\b)"
    r"[a-z]{3,}"
)
DIFFICULTY_CHANGE: Final = re.compile(
    r"\b(?:harder|easier|simpler|tougher|trickier|more (?:difficult|challenging|advanced)|"
    r"less (?:difficult|hard))(?: \w+){0,2}? (?:ones?|exercises?|problems?|questions?|"
    r"challenges?|tasks?|level)\b"
)
WANTS_TO_TRY: Final = re.compile(
    r"\b(?:let me|i want to|can i|could i|i would like to) (?:try|attempt|solve|code)\b"
)

# --- off topic ---------------------------------------------------------------------------

HARMFUL: Final = re.compile(
    r"\b(?:keyloggers?|malware|ransomware|spyware|trojans?|botnets?|ddos|dos attack|phishing|"
    r"credential stuffing|dox+(?:ing)?)\b"
    r"|\bsteal(?:ing)?\b[^.?!]{0,30}\b(?:passwords?|credentials|data|accounts?|credit cards?|"
    r"money|cookies|identit(?:y|ies))\b"
    r"|\bhack(?:ing)? (?:into|someone|somebody|my (?:ex|friend|school|teacher)|"
    r"(?:an? |the |my |his |her |their |someone's )?(?:instagram|facebook|snapchat|wi-?fi|"
    r"email|account|accounts|website|school|bank|phone|server|government))\b"
    r"|\bcrack(?:ing)? (?:an? |the |someone's |my )?(?:passwords?|wi-?fi|license|software|"
    r"accounts?)\b"
    r"|\bcomputer virus\b|\b(?:write|make|create|code|build) (?:me )?an? (?:computer )?virus\b"
    r"|\b(?:virus|worm) that (?:infects|spreads to|deletes|steals|encrypts|destroys)\b"
    r"|\bbypass(?:ing)? (?:an? |the )?(?:login|authentication|paywall|antivirus|password|"
    r"security|drm)\b"
    # Physical harm; a Weapon class in a game, or code that "bombs out", is no threat.
    r"|\b(?:make|build|get|buy|assemble) (?:an? |some )?(?:real |pipe )?(?:bombs?|explosives?|"
    r"poison)\b"
    r"|\b(?:hurt|kill|attack) (?:someone|somebody|people|him|her|them|my (?:teacher|friend|"
    r"brother|sister|mom|dad|classmate))\b"
    r"|\bcheat (?:on|in) (?:my |the |an? )?(?:exam|test|quiz)\b"
)
DISTRESS: Final = re.compile(
    r"\b(?:kill(?:ing)? myself|suicid\w*|self[- ]harm|hurt(?:ing)? myself|end my life|"
    r"want to die|wanna die|no reason to live)\b"
)
SMALL_TALK: Final = re.compile(
    r"\bhow are you\b|\bhow is it going\b|\bwho (?:are|made|created|built) you\b"
    r"|\bwhat is your (?:name|favou?rite)\b"
    r"|\bare you (?:a |an )?(?:robot|human|real|bot|ai|alive|sentient|single|a person)\b"
    r"|\btell me (?:a |another |some )?(?:jokes?|story|stories|riddle|fun fact)\b"
    r"|\bi am (?:so )?(?:bored|sad|tired|lonely|hungry|happy)\b|\bi love you\b"
    r"|\bwhat time is it\b|\bwhat day is (?:it|today)\b|\bwhere do you live\b"
    r"|\bhow old are you\b|\bdo you like\b|\bmarry me\b"
    r"|\bwrite (?:me )?(?:an? |my )?(?:essay|poem|story|song|letter|cover letter|speech|"
    r"book report)\b|\bdo my (?:homework|essay)\b"
)
OFF_TOPIC_DOMAIN: Final = whole_words(OFF_TOPIC_PHRASES)
