"""The one list page every register uses: access rule, selector, search box, pagination."""

from django import forms
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from .access import AccessMixin


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)


class RegisterListView(AccessMixin, ListView):
    """A register page. Subclasses name the rule, the template and ``get_rows(user)``."""

    paginate_by = settings.PAGINATE_BY
    search_fields: tuple[str, ...] = ()
    title = ""

    def get_rows(self, user) -> QuerySet:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet:
        rows = self.get_rows(self.request.user)
        self.search_form = SearchForm(self.request.GET or None)
        if self.search_fields and self.search_form.is_valid() and self.search_form.cleaned_data["q"]:
            term = self.search_form.cleaned_data["q"]
            query = Q()
            for name in self.search_fields:
                query |= Q(**{f"{name}__icontains": term})
            rows = rows.filter(query)
        return rows

    def paginate_queryset(self, queryset, page_size):
        # A page number out of range or not a number shows the nearest page, never an error.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["search_form"] = self.search_form
        context["title"] = self.title
        return context
