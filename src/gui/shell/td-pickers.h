/* td-pickers.h: the unit and round dropdowns, and the PDF file dialog, that several areas share. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

/* Fills @dropdown with "Name (CODE)" for each unit (searchable) and returns the position of
 * @select_code, or of the first unit that is not the province itself. */
guint td_pickers_fill_units  (GtkDropDown *dropdown,
                              GListModel  *units,
                              const char  *select_code);
/* Fills a combo row with the units, "Name" or "Name (CODE)", searchable by that label; the
 * positions are those of @units. */
void  td_pickers_fill_unit_row (AdwComboRow *row,
                                GListModel  *units,
                                gboolean     with_code);
/* Fills a combo row with the award levels; its position is the TdAwardLevel. */
void  td_pickers_fill_level_row (AdwComboRow *row);
/* Fills @dropdown with the rounds' titles; returns the position of round @select_number, or of
 * the latest round. */
guint td_pickers_fill_rounds (GtkDropDown *dropdown,
                              GListModel  *rounds,
                              int          select_number);
/* Fills both dropdowns and selects @unit (NULL: @settings' remembered unit) and the remembered
 * round, without calling @changed on the way; afterwards @changed (swapped: @data first) runs on
 * every new choice.  Safe to call again when the database changes. */
void  td_pickers_setup       (GtkDropDown *unit_dropdown,
                              GtkDropDown *round_dropdown,
                              GListModel  *units,
                              GListModel  *rounds,
                              GSettings   *settings,
                              const char  *unit,
                              GCallback    changed,
                              gpointer     data);

/* A file dialog titled @title that offers PDF documents (by type and by the .pdf suffix, for
 * systems that do not know the type). */
GtkFileDialog *td_pickers_pdf_dialog (const char *title);

G_END_DECLS
