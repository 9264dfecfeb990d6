"""Dependency graphs of tasks: cycle detection and topological order, on plain keys."""

from collections.abc import Mapping, Sequence


def find_cycle(depends_on: Mapping[str, Sequence[str]]) -> list[str] | None:
    """Return one dependency cycle as a list of keys (first key repeated last), or None.

    `depends_on` maps each key to the keys it depends on; unknown keys are ignored here (the
    caller reports them with a better message).
    """
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(depends_on, WHITE)
    for root in depends_on:
        if colour[root] != WHITE:
            continue
        stack = [(root, iter(depends_on[root]))]
        path = [root]
        colour[root] = GREY
        while stack:
            node, children = stack[-1]
            child = next((c for c in children if c in colour), None)
            if child is None:
                colour[node] = BLACK
                stack.pop()
                path.pop()
            elif colour[child] == GREY:
                return path[path.index(child) :] + [child]
            elif colour[child] == WHITE:
                colour[child] = GREY
                stack.append((child, iter(depends_on[child])))
                path.append(child)
    return None


def ancestors(depends_on: Mapping[str, Sequence[str]], key: str) -> set[str]:
    """Every key that `key` depends on, directly or through others (not `key` itself)."""
    seen: set[str] = set()
    todo = list(depends_on.get(key, ()))
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(depends_on.get(current, ()))
    return seen
