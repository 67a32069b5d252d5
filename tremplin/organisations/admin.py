from django.contrib import admin

from .models import Organisation, ProductionSupport, Structure


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "siren", "rna"]
    search_fields = ["name", "siren"]


@admin.register(Structure)
class StructureAdmin(admin.ModelAdmin):
    list_display = ["name", "siret", "department", "organisation"]
    list_filter = ["department"]
    search_fields = ["name", "siret"]


@admin.register(ProductionSupport)
class ProductionSupportAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "sector", "structure", "supervisor"]
    list_filter = ["kind", "sector"]
    search_fields = ["name", "client"]
