"""The org chart as a hand-built SVG, grouped by who employs the people: the Cité's own staff
first, then each partner's seconded staff under the partner's name.

Hand-built rather than matplotlib: panels of text are a few rectangles, the text stays text (so
it prints sharp and can be searched), and the same string goes in the page and in print.

Sized for print: the chart is WIDTH (626) units wide and the dossier PDF sets it across its text
width, 481 pt as WeasyPrint lays it out (measured: `test_orgchart.py` reads the PDF), so its
smallest text (SMALL, 12 px) prints at 12 × 481 / 626 ≈ 9.2 pt, never under 9 pt.
Every line is wrapped to its panel with DejaVu Sans's widths (`capacite.lib.svgtext`): no name
is cut and no line runs into the next panel.
"""

from dataclasses import dataclass
from html import escape

from capacite.lib.svgtext import text_width, wrap

COLUMNS = 3
MARGIN, GAP, PAD = 8, 8, 8
PANEL = 198  # a partner's panel; the Cité's spans the three columns
WIDTH = 2 * MARGIN + COLUMNS * PANEL + (COLUMNS - 1) * GAP  # 626
PRINT_WIDTH_PT = 481  # the width the dossier PDF gives a figure, in pt (measured)
# The tallest SVG a dossier page holds under its caption: 255 mm of page body (297 mm less
# 42 mm of margins) is 723 pt, less about 35 pt of caption and figure margins, at
# PRINT_WIDTH_PT / WIDTH (0.77) pt a unit.
PRINT_MAX_HEIGHT = 880
HEADING, TITLE, SMALL = 14, 13, 12  # font sizes in px
LEADING = {HEADING: 18, TITLE: 16, SMALL: 15}
INDENT = 8  # names sit under their post's title
BLUE, INK, GREY, BORDER, FILL = "#000091", "#161616", "#3a3a3a", "#000091", "#f5f5fe"

# The chart's words, in French; pages pass them translated.
WORDS = {
    "reports_to": "rattaché à : %(name)s",
    "vacant": "poste à pourvoir",
    "people": lambda n: f"{n} personne{'s' if n > 1 else ''}",
}


@dataclass(frozen=True)
class Post:
    """A job description as it appears in one group: its title, whom it reports to ("" for
    nobody) and the group's people who hold it (none: the post is to be filled)."""

    title: str
    reports_to: str = ""
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """The Cité's own staff (`own`) or one partner's seconded staff."""

    name: str
    posts: tuple[Post, ...]
    own: bool = False

    @property
    def headcount(self) -> int:
        return sum(len(post.people) for post in self.posts)


@dataclass(frozen=True)
class Line:
    text: str
    size: int
    bold: bool = False
    colour: str = INK
    indent: int = 0
    italic: bool = False


def _people(n: int, words: dict) -> str:
    return words["people"](n)


def _post_lines(post: Post, width: float, words: dict) -> list[Line]:
    lines = [Line(t, TITLE, bold=True) for t in wrap(post.title, width, TITLE, bold=True)]
    if post.reports_to:
        text = words["reports_to"] % {"name": post.reports_to}
        lines += [Line(t, SMALL, colour=GREY) for t in wrap(text, width, SMALL)]
    for person in post.people:
        lines += [Line(t, SMALL, indent=INDENT) for t in wrap(person, width - INDENT, SMALL)]
    if not post.people:
        lines += [Line(t, SMALL, colour=GREY, indent=INDENT, italic=True)
                  for t in wrap(words["vacant"], width - INDENT, SMALL)]
    return lines


def _height(lines: list[Line]) -> int:
    return sum(LEADING[line.size] for line in lines)


def _head_lines(group: Group, width: float, words: dict) -> list[Line]:
    return ([Line(t, HEADING, bold=True, colour=BLUE)
             for t in wrap(group.name, width, HEADING, bold=True)]
            + [Line(_people(group.headcount, words), SMALL, colour=GREY)])


def _columns(blocks: list[list[Line]], count: int) -> list[list[list[Line]]]:
    """The posts' blocks in reading order over `count` columns, each column ending once it
    holds its share of the height (no column left empty while another holds two posts)."""
    columns: list[list[list[Line]]] = [[] for _ in range(count)]
    total = sum(_height(b) for b in blocks) + PAD * len(blocks)
    target, column, filled = total / count, 0, 0
    for index, block in enumerate(blocks):
        left_blocks, left_columns = len(blocks) - index, count - column
        if columns[column] and (filled + _height(block) / 2 > target
                                or left_blocks < left_columns) and column < count - 1:
            column, filled = column + 1, 0
        columns[column].append(block)
        filled += _height(block) + PAD
    return columns


def _text(parts: list[str], x: float, y: float, line: Line) -> None:
    attributes = f'font-size="{line.size}" fill="{line.colour}"'
    if line.bold:
        attributes += ' font-weight="bold"'
    if line.italic:
        attributes += ' font-style="italic"'
    parts.append(f'<text x="{x + line.indent:.0f}" y="{y:.0f}" {attributes}>'
                 f"{escape(line.text)}</text>")


def _draw_lines(parts: list[str], x: float, y: float, lines: list[Line]) -> float:
    """Draw `lines` from the top `y`; return the y under the last one."""
    for line in lines:
        y += LEADING[line.size]
        _text(parts, x, y - (LEADING[line.size] - line.size) / 2 - 2, line)
    return y


def _own_row(group: Group, words: dict) -> tuple[float, list[str]]:
    """The Cité's panel across the width, its posts over the three columns, drawn from y=0."""
    parts: list[str] = []
    full, inner = WIDTH - 2 * MARGIN, PANEL - 2 * PAD
    head = _head_lines(group, full - 2 * PAD, words)
    columns = _columns([_post_lines(post, inner, words) for post in group.posts], COLUMNS)
    body = max((sum(_height(b) + PAD for b in col) for col in columns), default=0)
    height = PAD + _height(head) + PAD + body + PAD
    parts.append(f'<g><rect x="{MARGIN}" y="0" width="{full}" height="{height:.0f}" rx="4" '
                 f'fill="{FILL}" stroke="{BORDER}" stroke-width="1.2"/>')
    top = _draw_lines(parts, MARGIN + PAD, PAD, head) + PAD / 2
    parts.append(f'<line x1="{MARGIN + PAD}" y1="{top:.0f}" x2="{MARGIN + full - PAD}" '
                 f'y2="{top:.0f}" stroke="{BORDER}" stroke-width="0.6"/>')
    for index, column in enumerate(columns):
        y = top + PAD / 2
        for block in column:
            y = _draw_lines(parts, MARGIN + PAD + index * (PANEL + GAP), y, block) + PAD
    parts.append("</g>")
    return height, parts


def _partner_row(row: list[Group], words: dict) -> tuple[float, list[str]]:
    """Up to three partners' panels side by side, of the row's height, drawn from y=0."""
    parts: list[str] = []
    inner = PANEL - 2 * PAD
    heads = [_head_lines(g, inner, words) for g in row]
    bodies = [[_post_lines(post, inner, words) for post in g.posts] for g in row]
    height = max(PAD + _height(h) + PAD + sum(_height(b) + PAD for b in body)
                 for h, body in zip(heads, bodies, strict=True))
    for index, (head, body) in enumerate(zip(heads, bodies, strict=True)):
        x = MARGIN + index * (PANEL + GAP)
        parts.append(f'<g><rect x="{x}" y="0" width="{PANEL}" height="{height:.0f}" rx="4" '
                     f'fill="{FILL}" stroke="{BORDER}" stroke-width="1.2"/>')
        top = _draw_lines(parts, x + PAD, PAD, head) + PAD / 2
        parts.append(f'<line x1="{x + PAD}" y1="{top:.0f}" x2="{x + PANEL - PAD}" '
                     f'y2="{top:.0f}" stroke="{BORDER}" stroke-width="0.6"/>')
        y = top + PAD / 2
        for block in body:
            y = _draw_lines(parts, x + PAD, y, block) + PAD
        parts.append("</g>")
    return height, parts


def _rows(groups: list[Group], words: dict) -> list[tuple[float, list[str]]]:
    partners = [g for g in groups if not g.own]
    return ([_own_row(g, words) for g in groups if g.own]
            + [_partner_row(partners[i:i + COLUMNS], words)
               for i in range(0, len(partners), COLUMNS)])


def _svg(rows: list[tuple[float, list[str]]], title: str) -> str:
    parts, y = [], float(MARGIN)
    for height, drawing in rows:
        parts += [f'<g transform="translate(0 {y:.0f})">', *drawing, "</g>"]
        y += round(height) + GAP
    height = max(y - GAP + MARGIN, 2 * MARGIN)
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="org-chart-svg" '
        f'width="{WIDTH}" height="{height:.0f}" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'font-family="DejaVu Sans, sans-serif">', f"<title>{escape(title)}</title>",
        *parts, "</svg>"])


def org_chart_svg(groups: list[Group], *, title: str, words: dict | None = None) -> str:
    """The chart as a standalone <svg> element with role="img" and a <title>: one panel per
    group, the Cité's across the width, the partners' three to a row."""
    return _svg(_rows(groups, words or WORDS), title)


def org_chart_pages(groups: list[Group], *, title: str, words: dict | None = None,
                    max_height: float = PRINT_MAX_HEIGHT) -> list[str]:
    """The same chart cut between rows of panels into SVGs no taller than `max_height` (an
    A4 page of the dossier: an SVG does not break across pages). A row taller than that alone
    makes its own SVG."""
    pages: list[list[tuple[float, list[str]]]] = [[]]
    used = float(2 * MARGIN)
    for height, drawing in _rows(groups, words or WORDS):
        if pages[-1] and used + height > max_height:
            pages.append([])
            used = float(2 * MARGIN)
        pages[-1].append((height, drawing))
        used += round(height) + GAP
    return [_svg(rows, title) for rows in pages if rows]


def widest_line(groups: list[Group], words: dict | None = None) -> float:
    """The widest line the chart draws, in px, indent included (tests: it must fit its panel's
    inner width, PANEL − 2 × PAD)."""
    words = words or WORDS
    inner = PANEL - 2 * PAD
    lines = [line for g in groups for post in g.posts for line in _post_lines(post, inner, words)]
    lines += [line for g in groups if not g.own for line in _head_lines(g, inner, words)]
    return max((text_width(line.text, line.size, bold=line.bold) + line.indent
                for line in lines), default=0)
