"""Internal audits in the portal, one module per part: planning (the programme, the plan, the
audit's page), team (the working group and the order), fieldwork, report."""
