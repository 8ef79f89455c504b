"""Pages of the public registry that stop at a depth: the count stops there too.

A visitor pages through the first few hundred accreditations and narrows the search for the
rest; a crawler walking page 500 of 2,700 made the database sort and skip 12,500 rows. So the
count reads at most the rows the pages hold (one more, to know there are more), and a page
beyond the last one listed gets a sentence saying how to find the rest.
"""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from . import cache as registry_cache

# The deepest page the registry lists (25 a page: the first 1,000 accreditations).
DEEPEST_PAGE = 40


def kept_count(rows, count) -> int:
    """``count()`` of these rows (unordered), kept until the registry changes (cache.changed)
    and keyed by the count's own SQL: every page of a list, and every address that differs only
    in what does not filter it, reads one count instead of scanning the rows again."""
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (an empty id list): no SQL to key
        return 0
    return registry_cache.cached("count", (sql, params), count)


class KeptCountPaginator(Paginator):
    """The API's pages: the exact count, counted once per list until the registry changes."""

    @cached_property
    def count(self) -> int:
        if not hasattr(self.object_list, "query"):
            return len(self.object_list)
        rows = self.object_list.order_by()
        return kept_count(rows, rows.count)


class BoundedPaginator(Paginator):
    def __init__(self, object_list, per_page, deepest: int | None = None, **kwargs):
        self.deepest = deepest or DEEPEST_PAGE
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def _found(self) -> tuple[int, bool]:
        bound = self.per_page * self.deepest
        rows = self.object_list.order_by()[: bound + 1]
        found = kept_count(rows, rows.count)
        return min(found, bound), found > bound

    @cached_property
    def count(self) -> int:
        """The rows listed: all that match, or the first ``per_page × deepest`` of them."""
        return self._found[0]

    @property
    def more(self) -> bool:
        """More match than are listed: the page says "more than" the count."""
        return self._found[1]

    def beyond(self, number) -> bool:
        """A page number past the deepest page listed."""
        try:
            return int(number) > self.deepest
        except (TypeError, ValueError):
            return False
