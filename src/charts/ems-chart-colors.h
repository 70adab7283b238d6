/* ems-chart-colors.h: colours the charts share with the window's CSS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One source of truth: the chart styles (ems-chart-common.c) take these
 * values, and ui/style.css defines the same ones with @define-color for
 * the band badges; tests/charts/test-charts.c checks that they agree.
 */
#pragma once

/* The amber band, in light and dark mode alike (the badges have one
 * colour): 3.4:1 against white and 4.6:1 against libadwaita's dark
 * window background, so a bar or a badge stands out on either */
#define EMS_CHART_BAND_AMBER      0xc07d00
#define EMS_CHART_BAND_AMBER_CSS  "ems_band_amber"
