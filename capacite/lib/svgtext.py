"""Text in hand-drawn SVG: how wide a line is, and a label wrapped to a width.

Widths are DejaVu Sans's advance widths (regular and bold, thousandths of an em), the font the
PDFs are set in and the widest of the usual sans-serif fonts: a line measured here fits in
a browser's narrower Arial or Helvetica too. A letter with an accent takes its base letter's
width; a character outside the table counts as a full em, so it can only over-measure.
"""

import unicodedata

_ASCII = {
    False: (318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636,
            636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684,
            686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695,
            635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550,
            635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392,
            634, 592, 818, 592, 592, 525, 636, 337, 636, 838),
    True: (348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696,
           696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774,
           762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770,
           720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593,
           716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478,
           712, 652, 924, 645, 652, 582, 712, 365, 712, 838),
}
_OTHERS = {
    False: {"·": 318, "—": 1000, "–": 500, "’": 318, "‘": 318, "“": 518, "”": 518, "…": 1000,
            "œ": 1023, "Œ": 1070, "€": 636, "«": 612, "»": 612, "\u202f": 200, "\xa0": 318,
            "°": 500, "²": 401, "æ": 995, "ß": 630},
    True: {"·": 380, "—": 1000, "–": 500, "’": 380, "‘": 380, "“": 657, "”": 657, "…": 1000,
           "œ": 1094, "Œ": 1167, "€": 696, "«": 646, "»": 646, "\u202f": 200, "\xa0": 348,
           "°": 500, "²": 438, "æ": 1075, "ß": 710},
}


def _char(ch: str, bold: bool) -> int:
    code = ord(ch)
    if 32 <= code < 127:
        return _ASCII[bold][code - 32]
    if ch in _OTHERS[bold]:
        return _OTHERS[bold][ch]
    base = unicodedata.normalize("NFD", ch)[0]
    if base != ch and 32 <= ord(base) < 127:
        return _ASCII[bold][ord(base) - 32]
    return 1000


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in px (SVG user units) of `text` set at `size` px."""
    return sum(_char(ch, bold) for ch in text) * size / 1000


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """`text` in lines no wider than `width` px: broken between words, and inside a word only
    when the word alone is wider than the line. Nothing is cut off."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold=bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        while text_width(word, size, bold=bold) > width:  # a word wider than the line
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut] + "-", size, bold=bold) > width:
                cut -= 1
            lines.append(word[:cut] + "-")
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines or [""]
