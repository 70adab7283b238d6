/* ems-presentation-private.h: the presentation's insides, shared by the
 * window (ems-presentation.c: type size, navigation, keys) and its slides
 * (ems-presentation-slides.c); not API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-presentation.h"

G_BEGIN_DECLS

struct _EmsPresentation
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkStack       *slides;
  GtkLabel       *counter;

  EmsComparison  *comparison;
  GArray         *picked;
  guint           slide;
  guint           n_slides;

  GtkCssProvider *provider;
  char           *css_name;
  int             font_height;
  guint           font_idle;
  gboolean        narrow;         /* 4:3 rather than 16:9: less side by side */
};

/* The window's height in pixels (its default before it is shown) */
int  ems_presentation_get_window_height (EmsPresentation *self);
/* Adds every slide of the comparison to the (empty) stack */
void ems_presentation_add_slides        (EmsPresentation *self);

G_END_DECLS
