"""Free text from anonymous visitors, made anonymous before it is stored.

A Cité may allow open questions in its questionnaire; whatever a visitor writes there is passed
through `scrub` first. It removes what could name or reach someone: e-mail addresses, phone
numbers, and words that look like a name (a capitalised word after « je m'appelle », « M. »,
« Mme »…, or a run of two capitalised words inside a sentence). It errs on the side of removing
too much: a lost word costs less than a stored name.
"""

import re

MASK = "[…]"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
# French numbers in any usual spelling (06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78) and
# any other run of 8+ digits with separators.
PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){7,}")
NAME_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+"
INTRODUCED = re.compile(
    r"(?i:je m['’]appelle|mon nom est|mon nom c['’]est|moi c['’]est|signé|"
    r"\bm\.|\bmme\b|\bmlle\b|\bmadame\b|\bmonsieur\b)\s+" + NAME_WORD
    + r"(?:\s+" + NAME_WORD + r")*")
FULL_NAME = re.compile(r"(?<=[a-zà-ÿ,;:] )" + NAME_WORD + r"\s+" + NAME_WORD)


def scrub(text: str, *, limit: int = 1000) -> str:
    """`text` without e-mails, phone numbers or names, trimmed to `limit` characters."""
    text = EMAIL.sub(MASK, text)
    text = PHONE.sub(MASK, text)
    text = INTRODUCED.sub(lambda m: m.group(0).split()[0] + " " + MASK
                          if not m.group(0).lower().startswith(("je", "mon", "moi"))
                          else MASK, text)
    text = FULL_NAME.sub(MASK, text)
    return text.strip()[:limit]
