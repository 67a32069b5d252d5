from django.contrib import admin

from .models import Approval, ApprovalProlongation, ApprovalSuspension, DiagnosisCriterion, EligibilityDiagnosis


class DiagnosisCriterionInline(admin.TabularInline):
    model = DiagnosisCriterion
    extra = 0


@admin.register(EligibilityDiagnosis)
class EligibilityDiagnosisAdmin(admin.ModelAdmin):
    list_display = ["person", "author_kind", "author_partner", "made_on", "expires_on"]
    list_filter = ["author_kind"]
    search_fields = ["person__last_name", "person__first_name", "author_name"]
    raw_id_fields = ["person", "author_partner", "created_by"]
    inlines = [DiagnosisCriterionInline]


@admin.register(DiagnosisCriterion)
class DiagnosisCriterionAdmin(admin.ModelAdmin):
    list_display = ["diagnosis", "criterion"]
    list_filter = ["criterion"]
    raw_id_fields = ["diagnosis"]


class ApprovalProlongationInline(admin.TabularInline):
    model = ApprovalProlongation
    extra = 0
    raw_id_fields = ["created_by"]


class ApprovalSuspensionInline(admin.TabularInline):
    model = ApprovalSuspension
    extra = 0
    raw_id_fields = ["created_by"]


@admin.register(Approval)
class ApprovalAdmin(admin.ModelAdmin):
    list_display = ["number", "person", "start", "end"]
    search_fields = ["number", "person__last_name", "person__first_name"]
    raw_id_fields = ["person", "created_by"]
    inlines = [ApprovalProlongationInline, ApprovalSuspensionInline]


@admin.register(ApprovalProlongation)
class ApprovalProlongationAdmin(admin.ModelAdmin):
    list_display = ["approval", "reason", "start", "end", "decided_by"]
    list_filter = ["reason"]
    raw_id_fields = ["approval", "created_by"]


@admin.register(ApprovalSuspension)
class ApprovalSuspensionAdmin(admin.ModelAdmin):
    list_display = ["approval", "reason", "start", "end"]
    list_filter = ["reason"]
    raw_id_fields = ["approval", "created_by"]
