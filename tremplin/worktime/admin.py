from django.contrib import admin

from .models import MonthValidation, PlannedDay, TimesheetCorrection, TimesheetEntry


@admin.register(TimesheetEntry)
class TimesheetEntryAdmin(admin.ModelAdmin):
    list_display = ["day", "person", "kind", "hours", "production_support", "structure"]
    list_filter = ["kind", "structure"]
    date_hierarchy = "day"
    raw_id_fields = ["contract", "person", "production_support", "created_by"]


@admin.register(MonthValidation)
class MonthValidationAdmin(admin.ModelAdmin):
    list_display = ["month", "structure", "validated_by", "validated_at"]
    list_filter = ["structure"]


@admin.register(TimesheetCorrection)
class TimesheetCorrectionAdmin(admin.ModelAdmin):
    list_display = ["day", "contract", "kind", "previous_hours", "new_hours", "created_by", "created_at"]
    raw_id_fields = ["entry", "contract", "created_by"]


@admin.register(PlannedDay)
class PlannedDayAdmin(admin.ModelAdmin):
    list_display = ["contract", "weekday", "hours", "production_support"]
    raw_id_fields = ["contract", "production_support", "updated_by"]
