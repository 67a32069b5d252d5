from django.contrib import admin

from .models import InformationSession, Referral, ReferralAttachment, ReferralTransition, SessionAttendance


class ReferralTransitionInline(admin.TabularInline):
    """The history is append-only: shown, never edited."""

    model = ReferralTransition
    extra = 0
    can_delete = False
    fields = ["at", "from_state", "to_state", "refusal_reason", "actor", "comment"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    """Technical view. The state is read-only: it moves through the services only."""

    list_display = ["person", "structure", "partner", "referred_on", "state"]
    list_filter = ["state", "refusal_reason"]
    search_fields = ["person__last_name", "person__first_name", "partner__name", "referent_name"]
    raw_id_fields = ["person", "partner", "created_by"]
    readonly_fields = ["state", "refusal_reason", "created_at", "updated_at"]
    inlines = [ReferralTransitionInline]


@admin.register(ReferralTransition)
class ReferralTransitionAdmin(admin.ModelAdmin):
    list_display = ["referral", "from_state", "to_state", "refusal_reason", "actor", "at"]
    list_filter = ["to_state"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReferralAttachment)
class ReferralAttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "referral", "uploaded_by", "uploaded_at"]
    raw_id_fields = ["referral", "uploaded_by"]


class SessionAttendanceInline(admin.TabularInline):
    model = SessionAttendance
    extra = 0
    raw_id_fields = ["referral"]


@admin.register(InformationSession)
class InformationSessionAdmin(admin.ModelAdmin):
    list_display = ["starts_at", "structure", "place", "capacity"]
    list_filter = ["structure"]
    inlines = [SessionAttendanceInline]
