/* ems-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-error"

#include "config.h"

#include "ems-error.h"

G_DEFINE_QUARK (ems-error-quark, ems_error)
