"""Long lists come a page at a time (issue 13, point 20): an organisation with 3,908 exchanges
made a 2.5 MB page. One helper for every list that can grow without bound; the page number is
read through the same refusal of odd values as every other query parameter."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

from capacite.lib.params import small_number

PER_PAGE = 50


@dataclass(frozen=True)
class Paged:
    page: Page
    param: str

    @property
    def items(self) -> Any:
        return self.page.object_list

    @property
    def several(self) -> bool:
        return self.page.paginator.num_pages > 1


def page_of(request: HttpRequest, items: Any, *, param: str = "page",
            per_page: int = PER_PAGE) -> Paged:
    """The asked page of `items` (the first for anything unreadable, the last past the end)."""
    number = small_number(request.GET.get(param, "")) or 1
    return Paged(Paginator(items, per_page).get_page(number), param)
