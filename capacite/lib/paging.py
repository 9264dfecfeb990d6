"""Long lists come a page at a time (issue 13, point 20): an organisation with 3,908 exchanges
made a 2.5 MB page, an import fills the organisations list with 10,000 rows. One helper for every
list that can grow without bound; the page number is read through the same refusal of odd values
as every other query parameter (anything that is not a small number reads as the first page).

The pager's links keep every other query parameter (filters, sorting, another list's page on the
same page), so turning a page never loses the reader's search. Counts, totals and exports are
computed from the whole set, never from the page shown.
"""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, QueryDict

from capacite.lib.params import small_number

PER_PAGE = 50


@dataclass(frozen=True)
class Paged:
    page: Page
    param: str
    path: str = ""
    query: QueryDict | None = None

    @property
    def items(self) -> Any:
        return self.page.object_list

    @property
    def several(self) -> bool:
        return self.page.paginator.num_pages > 1

    @property
    def count(self) -> int:
        """How many items in the whole list (not on this page)."""
        return self.page.paginator.count

    def url_of(self, number: int) -> str:
        """The address of page `number`, every other query parameter kept (page 1 has none)."""
        query = self.query.copy() if self.query is not None else QueryDict(mutable=True)
        query.pop(self.param, None)
        if number > 1:
            query[self.param] = str(number)
        return f"{self.path}?{query.urlencode()}" if query else (self.path or "?")

    @property
    def first_url(self) -> str:
        return self.url_of(1)

    @property
    def previous_url(self) -> str:
        return self.url_of(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self) -> str:
        return self.url_of(self.page.next_page_number()) if self.page.has_next() else ""

    @property
    def last_url(self) -> str:
        return self.url_of(self.page.paginator.num_pages)


def page_of(request: HttpRequest, items: Any, *, param: str = "page",
            per_page: int = PER_PAGE) -> Paged:
    """The asked page of `items` (the first for anything unreadable, the last past the end)."""
    number = small_number(request.GET.get(param, "")) or 1
    return Paged(Paginator(items, per_page).get_page(number), param, request.path, request.GET)


def without_paging(request: HttpRequest, *params: str) -> str:
    """The request's query string without its page numbers: what an export link carries (an
    export is the whole filtered list, never a page of it)."""
    query = request.GET.copy()
    for param in params or ("page",):
        query.pop(param, None)
    return query.urlencode()
