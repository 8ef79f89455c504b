"""The register of education organizations and their programmes (agency staff), and their
representatives."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.form_pages import form_page, run_service
from core.lists import RegisterListView
from core.selectors import events_for

from .. import selectors, services
from ..forms import OrganizationForm, ProgrammeForm, RepresentativeForm

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
ORGANIZATION_SHOWN = shown_by(selectors.organizations_visible_to)


class OrganizationListView(RegisterListView):
    access_rule = "accreditation.view_organization"
    template_name = "accreditation/organization_list.html"
    search_fields = ("name", "name_ru", "name_kk", "name_ky", "name_en", "acronym", "iaar_id", "city")
    title = gettext_lazy("Education organizations")

    def get_rows(self, user):
        return selectors.organizations_visible_to(user)


@access("accreditation.view_organization", opens=ORGANIZATION_SHOWN)
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_get_for(request.user, pk)
    context = selectors.organization_page(request.user, organization)
    return render(
        request,
        "accreditation/organization_detail.html",
        {**context, "events": events_for(organization), "representative_form": RepresentativeForm()},
    )


@access("accreditation.add_organization")
def organization_create(request: HttpRequest) -> HttpResponse:
    made = {}

    def register(data):
        made["organization"] = services.organization_register(actor=request.user, **data)

    form = OrganizationForm(request.POST or None)
    posted = request.method == "POST" and form.is_valid()
    if posted and run_service(
        request, lambda: register(form.cleaned_data), _("The organization is registered."), form
    ):
        return redirect(made["organization"])
    return render(request, "accreditation/organization_form.html", {"form": form, "creating": True})


@access("accreditation.change_organization", opens=ORGANIZATION_SHOWN)
def organization_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_get_for(request.user, pk)
    initial = {name: getattr(organization, name) for name in services.ORGANIZATION_FIELDS}
    return form_page(
        request,
        OrganizationForm(request.POST or None, initial=initial),
        action=lambda data: services.organization_update(
            organization=organization, actor=request.user, **data
        ),
        success=_("The organization's entry is saved."),
        done_url=organization.get_absolute_url(),
        template="accreditation/organization_form.html",
        context={"organization": organization},
    )


@access("accreditation.change_organization", opens=ORGANIZATION_SHOWN)
def programme_create(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_get_for(request.user, pk)
    return form_page(
        request,
        ProgrammeForm(request.POST or None),
        action=lambda data: services.programme_save(organization=organization, actor=request.user, **data),
        success=_("The programme is saved."),
        done_url=organization.get_absolute_url(),
        template="accreditation/programme_form.html",
        context={"organization": organization},
    )


@access("accreditation.change_organization", opens=ORGANIZATION_SHOWN)
def programme_edit(request: HttpRequest, pk: int, programme_pk: int) -> HttpResponse:
    organization = selectors.organization_get_for(request.user, pk)
    programme = selectors.programme_get_for(request.user, organization, programme_pk)
    initial = {name: getattr(programme, name) for name in services.PROGRAMME_FIELDS}
    return form_page(
        request,
        ProgrammeForm(request.POST or None, initial=initial),
        action=lambda data: services.programme_save(
            organization=organization, actor=request.user, programme=programme, **data
        ),
        success=_("The programme is saved."),
        done_url=organization.get_absolute_url(),
        template="accreditation/programme_form.html",
        context={"organization": organization, "programme": programme},
    )


@require_POST
@access("accreditation.change_organization", opens=ORGANIZATION_SHOWN)
def representative_add(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_get_for(request.user, pk)
    form = RepresentativeForm(request.POST)
    if form.is_valid():
        run_service(
            request,
            lambda: services.representative_add(
                organization=organization, actor=request.user, user=form.cleaned_data["user"]
            ),
            _("%(name)s now represents the organization.") % {"name": form.cleaned_data["user"]},
        )
    else:
        messages.error(request, _("Choose the person to add."))
    return redirect(organization)
