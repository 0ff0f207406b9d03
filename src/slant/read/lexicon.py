"""Data, not logic: the patterns that name page furniture, comment sections and dates.

Each pattern is matched against one whole line (stripped, case-folded where marked). Keep them general: they
describe kinds of furniture found across news sites (ads, newsletter prompts, share bars, ratings, donation appeals,
disclaimers, "read more" links, comment-widget controls), not the wording of any one page.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

#: Whole lines that are page furniture wherever they occur.
BOILERPLATE = [re.compile(p, _I) for p in (
    # advertising
    r"^[-–—*\s]*(advertisement|advertising|sponsored( content| links?| stories)?|ad|ads by \w+|promoted( content)?"
    r"|paid (content|post|partner content))[-–—*\s]*$",
    r"^(story|article) continues (below|after)( (the )?(advertisement|ad|this ad))?\.?$",
    r"^(continue reading|scroll to continue)( (the )?(main )?(story|article))?( below)?\.?$",
    # newsletters, subscriptions, notifications, apps
    r"^(subscribe|sign up|register|join)( now| today| free| here)?( to| for)? (our|the|my)? ?"
    r"(newsletters?|mailing list|updates|daily (digest|briefing)|weekly)\b.*$",
    r"^sign up( here| now| today)? (to|for) .*(news|updates|offers|newsletter|inbox|alerts).*$",
    r"^.{0,120}\b(delivered|sent|straight|directly) (directly |straight )?(in)?to your inbox\b.{0,40}$",
    r"^get (real[- ]time|the latest|breaking|instant|daily) (news |updates|alerts|notifications).*$",
    r"^.*\bsubscribe (now|today|here)\W*$",
    r"^(enter your e-?mail( address)?|your e-?mail( address)?|e-?mail address)\W*$",
    r"^(download|get) (our|the) app\b.*$",
    r"^(turn on|enable|allow) (push )?notifications\b.*$",
    r"^follow us( on .*)?\W*$",
    r"^(subscribe|follow)( to us)? on (youtube|twitter|x|facebook|telegram|instagram|gab|rumble|bitchute)\b.{0,60}$",
    r"^(follow|find) (me|us|him|her) on (twitter|x|facebook|telegram|instagram|gab)\b.{0,60}$",
    r"^(let us know|tell us|share your (thoughts|views))( what you think)? (in|below|in the comments)\b.{0,40}$",
    r"^(like|follow) us on (facebook|twitter|x|telegram|instagram|youtube|vk|gab|gettr|truth social)\b.*$",
    r"^join (us|our channel) on telegram\b.*$",
    # sharing bars and social widgets
    r"^(share|share this|share on|share article|share this (article|story|post)|tweet|email|print|pin it|"
    r"whatsapp|telegram|facebook|twitter|linkedin|reddit|vk|copy link|save)\W*$",
    r"^((share|tweet|email|print|facebook|twitter|linkedin|reddit|whatsapp|telegram|pinterest)\W*\s*){2,}$",
    r"^share (this|on) .*(facebook|twitter|e-?mail)\b.*$",
    r"^(click|tap) (here|to) (share|tweet|print|email)\b.*$",
    # ratings, counters, reactions
    r"^\d+\s+\d+\s+votes?$",
    r"^(article|post|story) rating$",
    r"^rate this (article|post|story)\W*$",
    r"^(\d+\s*)?(likes?|views?|reads?|shares?|reactions?)(\s*\d+)?$",
    r"^(\d[\d,.]*\s*[kKmM]?\s*)+$",
    r"^[\d.,]+\s*[km]?\s+(views?|reads?|shares?|comments?|likes?|reactions?)$",
    r"^(listen to (this|the) (article|story)|listen now|audio version|play (audio|video))\b.{0,30}$",
    r"^\d+ (min(ute)?s?|sec(ond)?s?) read$",
    # donations and memberships
    r"^(help us grow|support (us|our work|independent (media|journalism))|donate( now| today)?|"
    r"become a (patron|member|supporter))\b.*$",
    r"^support (independent|local|our|quality|public[- ]interest|reader-funded)\b.{0,40}\b(news|journalism|media|"
    r"reporting)\b.{0,80}$",
    r"^.{0,60}\bbecome a (paying )?(member|patron|supporter|subscriber)\b.{0,40}$",
    r"^.*\bsupport .{0,40} on (patreon|subscribestar|locals|paypal)\b.*$",
    r"^.*\b(via|on) (patreon|paypal|subscribestar)\W*$",
    r"^(if you (enjoyed|liked|value) (this|our)|we rely on (readers|donations|you)).*\b(donat|support|subscri).*$",
    # disclaimers and legal lines
    r"^.*\b(views|opinions)( and opinions| and views)? expressed( in this (article|column|piece|post))?"
    r".*\b(solely|those of the author|do not necessarily|not necessarily)\b.*$",
    r"^(disclaimer|copyright|all rights reserved)\b.{0,200}$",
    r"^(©|\(c\)|copyright)\s*\d{4}.*$",
    r"^this (article|story|post) (was|is) (originally )?(published|first published|republished|"
    r"written) (by|on|at|in) .{0,120}$",
    # "read more" and related-story pointers
    r"^(read|see|watch|listen|learn) (more|also|next|the full (story|article|report))\b.{0,120}$",
    r"^read (our|the) .{0,60}\b(coverage|analysis|report|story|article|piece)\b.{0,120}$",
    r"^(related|related (stories|articles|posts|coverage|news|content)|more (stories|from|on|news)|"
    r"recommended( for you)?|you (may|might) (also )?(like|be interested in)|trending( now)?|"
    r"most (read|popular|viewed)|latest (news|stories)|also read|don'?t miss|top stories|in case you missed it)"
    r"\b.{0,160}$",
    r"^(see|view|watch|open)( the)? (map|video|photos?|gallery|chart|graphic|infographic|slideshow|below)\W*$",
    r"^(watch|video|listen|photo|photos|gallery|map)\s*:?$",
    r"^(photo|image|picture|video|file photo|credit|photo credit|image credit|source image)s?\s*(:|by|credit)"
    r".{0,100}$",
    r"^via\s+[^\s.,;!?]+(\s+[^\s.,;!?]+){0,3}$",
    r"^(source|sources|h/t|hat tip)\s*:\s*\S.{0,60}$",
    r"^(tags?|filed under|categories|category|topics?)\s*:.{0,200}$",
    r"^(previous|next) (article|post|story)\b.{0,160}$",
    r"^(back to top|go to top|skip to (main )?content|menu|search|home|log ?in|log ?out|sign in|register)\W*$",
    r"^(cookie|we use cookies)\b.{0,200}$",
    r"^your e-?mail address will not be published\b.{0,120}$",
    r"^(required fields are marked|save my name, e-?mail)\b.{0,160}$",
    r"^(https?://|www\.)\S+$",
    r"^(facebook|twitter|x|instagram|youtube|telegram|gab|minds|gettr|rumble|website|web|e-?mail)\s*:\s*\S+$",
    # a navigation bar: several short items separated by bars, bullets or arrows
    r"^([^|•·›»/>]{1,25}(\s*[|•·›»]\s*|\s+[/>]\s+)){2,}[^|•·›»/>]{1,25}$",
    # agency credits: "Reporting by Ann Lee; editing by Bo Ng", "Additional reporting by ..."
    r"^((additional )?(reporting|writing|editing|research|production) by [^;]{2,60}(;\s*|\s+and\s+)?)+\.?$",
)]

#: Lines that open a reader-comment section (matched before the comments begin).
COMMENTS_HEADER = [re.compile(p, _I) for p in (
    r"^(\d[\d,]*\s+)?(comments?|responses?|replies|reactions|discussion)(\s*[(\[]?\s*\d[\d,]*\s*[)\]]?)?\s*:?$",
    r"^(reader|readers'?|user|visitor) (comments?|reactions|discussion)\b.{0,40}$",
    r"^(\d[\d,]*\s+)?(thoughts?|responses?|comments?|replies) (on|to) .{1,200}$",
    r"^(join|start) the (discussion|conversation|debate)\W*$",
    r"^(leave|post|add|write|submit) a (comment|reply|response)\W*.{0,40}$",
    r"^(add|post|write) (your )?(comment|reply)\W*$",
    r"^what do you think\W*$",
    r"^(view|show|load|see|read) (all )?(\d+ )?comments?\W*.{0,20}$",
    r"^have your say\W*$",
    r"^comments? (are|is) (closed|moderated|disabled)\b.{0,120}$",
    r"^(you must be logged in|log ?in|sign in) to (post a )?(comment|reply)\b.{0,80}$",
    r"^(notify|subscribe)( me)? (of|to)( new| follow-?up| all)? (comments?|replies|this (thread|discussion))\b"
    r".{0,40}$",
)]

#: Comment-widget controls: furniture inside a comment section.
COMMENT_CONTROLS = [re.compile(p, _I) for p in (
    r"^(reply|reply ?↓|replies|report|report abuse|flag|like|dislike|upvote|downvote|share|permalink|edit|"
    r"delete|hide|show|more|load more( comments)?|show more( replies| comments)?|show \d+ (more )?repl(y|ies)|"
    r"view \d+ (more )?repl(y|ies)|hide repl(y|ies)|collapse|expand|newest|oldest|best|top|popular|"
    r"most voted|newest( first)?|oldest( first)?|inline feedbacks?|sort by\b.{0,30}|"
    r"newest most voted|oldest newest most voted|notify of|login|register|cancel reply|"
    r"read more\s*»?|show less|\d+\s*(likes?|replies|votes?|points?)|[+-]?\d+|[▲▼↑↓]\s*\d*|"
    r"\d+\s+\d+|log in to reply|(you|\d+ people) liked this)\W*$",
    r"^(is|are) typing\W*$",
    r"^((sort by|order by|newest|oldest|most voted|most liked|most replies|best|top|popular|latest|old|new)"
    r"\s*[:|·]?\s*){2,}$",
    r"^(this comment (has been|was) (deleted|removed)|comment (deleted|removed))\W*$",
)]

#: A header line that carries an author with a verb, e.g. "Ann says:", "Bob wrote:", "Cy replied:".
AUTHOR_SAYS = re.compile(r"^(?P<name>[^:]{1,40}?)\s+(says|said|wrote|writes|replied|replies|commented|comments)"
                         r"(\s+(on|at)\s+(?P<date>.{4,60}?))?\s*:\s*$", _I)

#: Labels that point at a link to another story on the next line ("Previous article", "Related").
POINTER = re.compile(r"^(previous|next|prev|older|newer) (article|post|story)|^(related|read (more|next|also)|"
                     r"also read|more (stories|on this)|recommended|you may also like)\b", _I)

#: A header line naming the author in a phrase: "Posted by Ann on 2 March 2024", "Comment by Bo".
POSTED_BY = re.compile(r"^(posted|written|submitted|comment|reply|answered|sent)\s+by\s+(?P<name>[^\s].{0,40}?)"
                       r"(\s+(on|at)\s+(?P<date>.{4,60}?))?\s*:?$", _I)

#: A header line with a name and a date: "Ann Lee | 12 March 2024", "ann • 2 days ago", "Bo - 5 May 2020".
NAME_DATE = re.compile(r"^(?P<name>[^|•·]{1,40}?)\s*(\||•|·|–|—|\s-\s|,)\s*(?P<date>.{4,60})$")

#: Words of comment-widget controls; a line made only of these, numbers and separators is a control bar.
_CONTROL_WORDS = (
    "reply replies share report like likes liked dislike flag upvote downvote vote votes point points permalink "
    "edit delete hide show more load view see login log in sign up register embed link copy"
)
CONTROL_WORDS = frozenset(_CONTROL_WORDS.split())

#: "In reply to Ann", "Reply to Ann", "replying to @ann", "@ann" at the start of a comment.
REPLY_TO = re.compile(r"^(?:(?:in )?repl(?:y|ying) to\s+@?|@)(?P<name>[\w.\-]+(?: [\w.\-]+){0,2})", _I)

_MONTH = (r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|"
          r"nov(ember)?|dec(ember)?)\.?")
_TIME = r"(at\s+)?\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s*[A-Z]{2,4})?"
_DAYNAME = r"((mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun),?\s+"

_PREFIX = r"(on|posted|published|updated|last updated)(\s+on)?\s*:?\s*"
#: The forms of a date, shared by whole-line and in-line matching.
_DATE = (
    _MONTH + r"\s+\d{1,2}(st|nd|rd|th)?,?(\s*\d{4})?"                      # September 5, 2018
    r"|\d{1,2}(st|nd|rd|th)?\s+(of\s+)?" + _MONTH + r",?(\s*\d{4})?"        # 5 September 2018
    r"|\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?"     # 2018-09-05
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"                                        # 05/09/2018
    r"|(\d+|an?|one)\s+(second|minute|min|hour|hr|day|week|month|year)s?\s+ago"  # 3 hours ago
    r"|yesterday|today|just now"
)

#: The words that may stand before a date in a byline or comment header.
DATE_PREFIX = re.compile("^" + _PREFIX, _I)

#: A whole line that is only a date and/or time (as comment headers and bylines show them).
DATE_LINE = re.compile(r"^(" + _PREFIX + r")?(" + _DAYNAME + r")?(" + _DATE + r")(,?\s*" + _TIME + r")?\.?$", _I)

#: A byline under a title: "By Ann Lee", "By Ann Lee and Bo Ng, Reuters", "Written by ...", "Author: ...".
_NAME = r"[A-ZÀ-Ý][\w'’.\-]*(?:\s+(?:[A-ZÀ-Ý][\w'’.\-]*|van|von|de|del|da|di|la|le|bin|al-\w+)){0,4}"
_NAMES = r"(?P<name>" + _NAME + r"(?:\s*(?:,\s*and|and|&)\s+" + _NAME + r")*)"
#: Bylines: "By Ann Lee", "By Ann Lee and Bo Ng, Reuters", "Posted on 3 May 2022 by Ann Lee", "Author: Ann Lee".
BYLINES = [re.compile(p) for p in (
    r"^(?i:(?:written|posted|reported|words|story|text) )?(?i:by)\s+" + _NAMES
    + r"(?:\s*(?:,|\||-|–|—|\b(?i:on|at|for)\b)\s*(?P<rest>[^.!?]{0,80}))?\.?$",
    r"^(?i:posted|published|updated)(?i: on)?:?\s+(?P<rest>.{4,40}?)\s+(?i:by)\s+" + _NAMES + r"\.?$",
    r"^(?i:author)\s*:\s*" + _NAMES + r"$",
)]


#: Words that headings and sentences use but user names rarely do.
_FUNCTION_WORDS = (
    "a an the of to in on at for with from by as is are was were be been will would can could should has have had "
    "this that these those what why how when where who which not no after before over into about than its it"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())

#: Pronouns and markers of a conversational reply rather than reported prose.
CONVERSATIONAL = re.compile(
    r"\b(i|i'm|i’m|i've|i’ve|i'd|i’d|me|my|mine|you|your|you're|you’re|u|ur|we|us|our|lol|lmao|imo|imho|"
    r"btw|yeah|yes|no|nope|agreed|exactly|thanks|thank you|wow|ha|haha)\b|[?!]{1}|:\)|:\(|;\)|:D|\.\.+$",
    _I,
)

#: Inside a one-line header: a date or time anywhere ("on March 3, 2024 at 4:12 pm", "· 4h", "2 hrs ago").
DATE_IN_LINE = re.compile(r"\b(" + _DATE + r"|\d+\s?(s|m|h|d|w|mo|y|min|mins|hrs?))\b(,?\s*" + _TIME + r")?", _I)
#: The glue of a header: handles, separators and the words around a name and a date.
HEADER_GLUE = re.compile(r"@\w+|[|•·–—(),:]|\s-\s|\b(on|at|posted|by|wrote|says|said|replied|commented|"
                         r"updated|edited)\b", _I)
