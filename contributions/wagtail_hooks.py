from wagtail import hooks

from .admin import NewContributionsPanel, contribution_viewset


@hooks.register("register_admin_viewset")
def register_contributions():
    return contribution_viewset


@hooks.register("construct_homepage_panels")
def add_contributions_panel(request, panels):
    if contribution_viewset.permission_policy.user_has_permission(request.user, "view"):
        panels.append(NewContributionsPanel(request))
