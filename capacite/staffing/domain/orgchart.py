"""The org chart as a hand-built SVG: boxes for job descriptions, lines to whom they report.

Hand-built rather than matplotlib: a tree of boxes is a few rectangles, the text stays text (so
it prints sharp and can be searched), and the same string goes in the page and in print.
"""

from dataclasses import dataclass
from html import escape

BOX_WIDTH, BOX_HEIGHT, GAP_X, GAP_Y, MARGIN = 210, 76, 20, 44, 10
LINE_HEIGHT = 15


@dataclass(frozen=True)
class Box:
    id: int
    parent: int | None
    title: str
    lines: tuple[str, ...] = ()


def layout(boxes: list[Box]) -> dict[int, tuple[float, int]]:
    """Each box's (column, depth): leaves take consecutive columns in the given order and a
    parent sits centred over its children. A parent missing from the list, or a loop, makes a
    box a root rather than losing it."""
    ids = {box.id for box in boxes}
    children: dict[int | None, list[Box]] = {}
    for box in boxes:
        parent = box.parent if box.parent in ids and box.parent != box.id else None
        children.setdefault(parent, []).append(box)
    placed: dict[int, tuple[float, int]] = {}
    next_column = 0.0

    def place(box: Box, depth: int, path: frozenset[int]) -> float:
        nonlocal next_column
        kids = [kid for kid in children.get(box.id, []) if kid.id not in path]
        if not kids:
            column = next_column
            next_column += 1
        else:
            columns = [place(kid, depth + 1, path | {kid.id}) for kid in kids]
            column = (columns[0] + columns[-1]) / 2
        placed[box.id] = (column, depth)
        return column

    for root in children.get(None, []):
        place(root, 0, frozenset({root.id}))
    for box in boxes:  # loops: reachable from no root
        if box.id not in placed:
            place(box, 0, frozenset({box.id}))
    return placed


def org_chart_svg(boxes: list[Box], *, title: str) -> str:
    """The chart as a standalone <svg> element with role="img" and a <title>."""
    positions = layout(boxes)
    columns = max((column for column, _ in positions.values()), default=0) + 1
    depth = max((level for _, level in positions.values()), default=0) + 1
    width = int(MARGIN * 2 + columns * BOX_WIDTH + (columns - 1) * GAP_X)
    height = int(MARGIN * 2 + depth * BOX_HEIGHT + (depth - 1) * GAP_Y)

    def corner(box_id: int) -> tuple[float, float]:
        column, level = positions[box_id]
        return (MARGIN + column * (BOX_WIDTH + GAP_X), MARGIN + level * (BOX_HEIGHT + GAP_Y))

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif">',
             f"<title>{escape(title)}</title>"]
    by_id = {box.id: box for box in boxes}
    for box in boxes:
        if box.parent in by_id and box.parent != box.id:
            x, y = corner(box.id)
            px, py = corner(box.parent)
            if py < y:
                parts.append(
                    f'<path d="M{px + BOX_WIDTH / 2:.0f},{py + BOX_HEIGHT:.0f} '
                    f'V{y - GAP_Y / 2:.0f} H{x + BOX_WIDTH / 2:.0f} V{y:.0f}" fill="none" '
                    f'stroke="#666666" stroke-width="1.2"/>')
    for box in boxes:
        x, y = corner(box.id)
        parts.append(f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" '
                     f'rx="4" fill="#f5f5fe" stroke="#000091" stroke-width="1.2"/>')
        parts.append(f'<text x="{x + 8:.0f}" y="{y + 18:.0f}" font-size="12" '
                     f'font-weight="bold" fill="#161616">{escape(_fit(box.title, 30))}</text>')
        for i, line in enumerate(box.lines[:3]):
            parts.append(f'<text x="{x + 8:.0f}" y="{y + 18 + LINE_HEIGHT * (i + 1):.0f}" '
                         f'font-size="11" fill="#3a3a3a">{escape(_fit(line, 34))}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _fit(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"
