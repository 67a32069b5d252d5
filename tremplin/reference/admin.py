from django.contrib import admin

from .models import AidePosteRate, AnnualReferenceHours, RomeJob, RsaAmount, SmicRate


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


@admin.register(AidePosteRate)
class AidePosteRateAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "territory", "socle", "support_part", "source"]
    list_filter = ["territory"]


@admin.register(RsaAmount)
class RsaAmountAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "single_person_amount", "cofinancing_percent", "source"]
