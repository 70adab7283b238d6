/* ems-test-utils.h: helpers for the window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ems-application.h"
#include "ems-window.h"

G_BEGIN_DECLS

typedef gboolean (*EmsTestCondition) (gpointer user_data);

/* gtk_test_init, then a registered EmsApplication (no main loop run) */
EmsApplication *ems_test_init                 (int              *argc,
                                               char           ***argv);
/* Iterates the main context until @condition holds; fails the test after
 * @timeout_sec seconds. */
void            ems_test_wait_until           (EmsTestCondition  condition,
                                               gpointer          user_data,
                                               double            timeout_sec,
                                               const char       *what);
/* Iterates until every pending event is handled (bounded) */
void            ems_test_flush                (void);
/* Waits for @window to be mapped and to have painted a frame */
void            ems_test_wait_drawn           (GtkWidget        *window);
/* A copy of the named example in a fresh temporary directory */
GFile          *ems_test_copy_example         (guint             index);
GFile          *ems_test_get_example          (guint             index);
/* Opens @file in a new window and waits for it */
EmsWindow      *ems_test_open_window          (EmsApplication   *app,
                                               GFile            *file);
/* The AdwMessageDialog transient for @parent, waiting for it to appear */
AdwMessageDialog *ems_test_wait_dialog        (GtkWindow        *parent);
/* Responds and waits for the dialog to go away */
void            ems_test_respond              (AdwMessageDialog *dialog,
                                               const char       *response);
void            ems_test_destroy_window       (GtkWindow        *window);
/* Offers a key press to @widget and its ancestors (bubble order) */
gboolean        ems_test_press_key            (GtkWidget        *widget,
                                               guint             keyval);
/* The heading (unique substring check helper) */
gboolean        ems_test_dialog_mentions      (AdwMessageDialog *dialog,
                                               const char       *text);

G_END_DECLS
