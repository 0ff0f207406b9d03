"""The technique inventories slant knows: names as the official scorers spell them, a category, a definition.

Two taxonomies label spans:

* ``ptc2020`` -- SemEval-2020 task 11 / the Propaganda Techniques Corpus: 14 techniques (some names
  contain commas, e.g. ``Name_Calling,Labeling``).
* ``semeval2023`` -- SemEval-2023 task 3 subtask 3: 23 techniques in 6 categories.

SemEval-2021 task 6 (memes) uses 20 human-readable names; they are listed for reading and writing its
JSON files. The definitions are slant's own words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .errors import UsageError

CATEGORIES: tuple[str, ...] = (
    "Attack on reputation",
    "Justification",
    "Simplification",
    "Distraction",
    "Call",
    "Manipulative wording",
)


@dataclass(frozen=True)
class Technique:
    """One technique of one taxonomy."""

    name: str
    taxonomy: str
    category: str
    title: str
    definition: str

    def to_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "taxonomy": self.taxonomy,
            "category": self.category,
            "title": self.title,
            "definition": self.definition,
        }


_PTC2020 = [
    ("Appeal_to_Authority", "Justification", "Appeal to authority",
     "Claims something is true because an expert, official or institution says so, standing in for evidence."),
    ("Appeal_to_fear-prejudice", "Justification", "Appeal to fear or prejudice",
     "Builds support for an idea by stirring anxiety or panic about an alternative, or by playing on "
     "existing prejudice."),
    ("Bandwagon,Reductio_ad_hitlerum", "Justification", "Bandwagon or reductio ad Hitlerum",
     "Urges acceptance because 'everyone' already agrees, or rejection because a despised group "
     "holds the view."),
    ("Black-and-White_Fallacy", "Simplification", "Black-and-white fallacy",
     "Presents two options as the only ones possible when more exist, or one option as the only way."),
    ("Causal_Oversimplification", "Simplification", "Causal oversimplification",
     "Pins a complex outcome on one cause when several are at work."),
    ("Doubt", "Attack on reputation", "Doubt",
     "Questions the credibility of a person or institution without giving grounds."),
    ("Exaggeration,Minimisation", "Manipulative wording", "Exaggeration or minimisation",
     "Makes something look larger, better or worse than it is, or plays down its importance."),
    ("Flag-Waving", "Justification", "Flag-waving",
     "Justifies a position by appeal to national or group pride and identity."),
    ("Loaded_Language", "Manipulative wording", "Loaded language",
     "Uses words and phrases with strong emotional charge to sway the reader."),
    ("Name_Calling,Labeling", "Attack on reputation", "Name calling or labelling",
     "Attaches an insulting or admiring label to a person, group or idea in place of an argument."),
    ("Repetition", "Manipulative wording", "Repetition",
     "Says the same message again and again so that it sticks."),
    ("Slogans", "Call", "Slogans",
     "A short, punchy phrase that stands in for an argument, often with labelling or stereotyping."),
    ("Thought-terminating_Cliches", "Call", "Thought-terminating cliché",
     "A stock phrase that discourages further thought or discussion of a point."),
    ("Whataboutism,Straw_Men,Red_Herring", "Distraction", "Whataboutism, straw man or red herring",
     "Deflects from the point: charges the opponent with hypocrisy, distorts their position, or brings "
     "in something irrelevant."),
]

_SEMEVAL2023 = [
    ("Name_Calling-Labeling", "Attack on reputation", "Name calling or labelling",
     "Attaches an insulting or admiring label to a person, group or idea in place of an argument."),
    ("Guilt_by_Association", "Attack on reputation", "Guilt by association",
     "Discredits a person or idea by linking it to something the audience already despises."),
    ("Doubt", "Attack on reputation", "Casting doubt",
     "Questions the character, competence or credibility of someone to undermine their position."),
    ("Appeal_to_Hypocrisy", "Attack on reputation", "Appeal to hypocrisy",
     "Attacks a person for acting against what they say, instead of answering what they say."),
    ("Questioning_the_Reputation", "Attack on reputation", "Questioning the reputation",
     "Smears the moral standing or track record of a target to make their claims look worthless."),
    ("Flag_Waving", "Justification", "Flag-waving",
     "Justifies a position by appeal to national or group pride and identity."),
    ("Appeal_to_Authority", "Justification", "Appeal to authority",
     "Claims something is true because an expert, official or institution says so, standing in for evidence."),
    ("Appeal_to_Popularity", "Justification", "Appeal to popularity",
     "Argues that a claim is right, or an action good, because many people believe or do it."),
    ("Appeal_to_Values", "Justification", "Appeal to values",
     "Ties a position to values the audience holds dear (freedom, democracy, faith, tradition)."),
    ("Appeal_to_Fear-Prejudice", "Justification", "Appeal to fear or prejudice",
     "Builds support for an idea by stirring anxiety about an alternative or by playing on prejudice."),
    ("Causal_Oversimplification", "Simplification", "Causal oversimplification",
     "Pins a complex outcome on one cause when several are at work."),
    ("False_Dilemma-No_Choice", "Simplification", "False dilemma or no choice",
     "Presents two options as the only ones possible when more exist, or one option as the only way."),
    ("Consequential_Oversimplification", "Simplification", "Consequential oversimplification",
     "Claims a first step will set off a chain of events ending in something extreme (a slippery slope)."),
    ("Straw_Man", "Distraction", "Straw man",
     "Replaces an opponent's position with a weaker or distorted one and refutes that instead."),
    ("Red_Herring", "Distraction", "Red herring",
     "Brings in an irrelevant topic to pull attention away from the point under discussion."),
    ("Whataboutism", "Distraction", "Whataboutism",
     "Answers a criticism by pointing at a supposed wrong of the critic instead of addressing it."),
    ("Slogans", "Call", "Slogans",
     "A short, punchy phrase that stands in for an argument, often with labelling or stereotyping."),
    ("Conversation_Killer", "Call", "Conversation killer",
     "A stock phrase that shuts down discussion or critical thought about the point."),
    ("Appeal_to_Time", "Call", "Appeal to time",
     "Urges action now by claiming that the moment has come or that time is running out."),
    ("Loaded_Language", "Manipulative wording", "Loaded language",
     "Uses words and phrases with strong emotional charge to sway the reader."),
    ("Obfuscation-Vagueness-Confusion", "Manipulative wording", "Obfuscation, vagueness or confusion",
     "Uses deliberately unclear wording so the audience can read into it what it wants."),
    ("Exaggeration-Minimisation", "Manipulative wording", "Exaggeration or minimisation",
     "Makes something look larger, better or worse than it is, or plays down its importance."),
    ("Repetition", "Manipulative wording", "Repetition",
     "Says the same message again and again so that it sticks."),
]

#: SemEval-2021 task 6 (memes) technique names, as spelled in its JSON files.
SEMEVAL2021_TECHNIQUES: tuple[str, ...] = (
    "Appeal to authority",
    "Appeal to fear/prejudice",
    "Black-and-white Fallacy/Dictatorship",
    "Causal Oversimplification",
    "Doubt",
    "Exaggeration/Minimisation",
    "Flag-waving",
    "Glittering generalities (Virtue)",
    "Loaded Language",
    "Misrepresentation of Someone's Position (Straw Man)",
    "Name calling/Labeling",
    "Obfuscation, Intentional vagueness, Confusion",
    "Presenting Irrelevant Data (Red Herring)",
    "Reductio ad hitlerum",
    "Repetition",
    "Slogans",
    "Smears",
    "Thought-terminating cliché",
    "Whataboutism",
    "Bandwagon",
)

GENRES: tuple[str, ...] = ("reporting", "opinion", "satire")

FRAMES: tuple[str, ...] = (
    "Economic",
    "Capacity_and_resources",
    "Morality",
    "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence",
    "Policy_prescription_and_evaluation",
    "Crime_and_punishment",
    "Security_and_defense",
    "Health_and_safety",
    "Quality_of_life",
    "Cultural_identity",
    "Public_opinion",
    "Political",
    "External_regulation_and_reputation",
)


def _build(taxonomy: str, rows: list[tuple[str, str, str, str]]) -> dict[str, Technique]:
    return {name: Technique(name, taxonomy, cat, title, text) for name, cat, title, text in rows}


TAXONOMIES: dict[str, dict[str, Technique]] = {
    "ptc2020": _build("ptc2020", _PTC2020),
    "semeval2023": _build("semeval2023", _SEMEVAL2023),
}


def techniques(taxonomy: str) -> tuple[str, ...]:
    """The technique names of a taxonomy, in a fixed order."""
    return tuple(_get(taxonomy))


def technique(taxonomy: str, name: str) -> Technique:
    """Look one technique up; raises :class:`KeyError` for an unknown name."""
    return _get(taxonomy)[name]


def category(taxonomy: str, name: str) -> str:
    return technique(taxonomy, name).category


def _get(taxonomy: str) -> dict[str, Technique]:
    try:
        return TAXONOMIES[taxonomy]
    except KeyError:
        known = ", ".join(TAXONOMIES)
        raise UsageError("E401", f"unknown taxonomy {taxonomy!r} (known: {known})") from None


def detect_taxonomy(labels: Iterable[str]) -> str | None:
    """The first taxonomy (``ptc2020`` before ``semeval2023``) that holds every label, or None."""
    wanted = set(labels)
    for name, inventory in TAXONOMIES.items():
        if wanted <= inventory.keys():
            return name
    return None
