"""Surveys in the portal and on the public site, one module per part: builder, campaigns,
answer (public, no sign-in), results, publishing (the summary on the public site)."""
