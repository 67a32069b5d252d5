from django.contrib import admin

from .models import AnnualReferenceHours, RomeJob, SmicRate


@admin.register(SmicRate)
class SmicRateAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "hourly_amount", "source"]


@admin.register(RomeJob)
class RomeJobAdmin(admin.ModelAdmin):
    list_display = ["code", "label"]
    search_fields = ["code", "label"]


@admin.register(AnnualReferenceHours)
class AnnualReferenceHoursAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "hours", "source"]
