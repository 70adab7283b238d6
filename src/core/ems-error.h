/* ems-error.h: errors the user can cause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EMS_ERROR (ems_error_quark ())

typedef enum
{
  EMS_ERROR_NOT_JSON,       /* not JSON, truncated, invalid UTF-8, binary */
  EMS_ERROR_INVALID,        /* JSON, but not a valid assessment */
  EMS_ERROR_NEWER_VERSION,  /* format_version newer than we understand */
  EMS_ERROR_TOO_LARGE,      /* larger than any real assessment */
  EMS_ERROR_CHECKLIST,      /* the checklist data is broken */
  EMS_ERROR_EXPORT,         /* an export failed */
  EMS_ERROR_USAGE,          /* command line misuse */
} EmsError;

GQuark ems_error_quark (void);

G_END_DECLS
