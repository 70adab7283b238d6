/* ems-workshop-window.c: workshop mode: many assessments compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window holds an EmsComparison (core) and draws views of it. Files are
 * read and scored off the main thread: a load job builds a new comparison
 * from the participants already there plus the new files, and the window
 * swaps it in when the job is done. Every participant name shown comes
 * from ems_comparison_dup_label(), so the anonymise switch covers the whole
 * window.
 */
#define G_LOG_DOMAIN "ems-workshop-window"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ems-charts.h"
#include "ems-i18n.h"
#include "ems-presentation.h"
#include "ems-shortcuts.h"
#include "ems-tooltip.h"
#include "ems-workshop-private.h"
#include "ems-workshop-window.h"

#define MIME_TYPE "application/x-ten-elements-assessment"
#define MAX_PICKED (EMS_CHART_MAX_SERIES - 1)

typedef struct
{
  char *name;      /* display name of the file */
  char *message;   /* the error */
} Problem;

struct _EmsWorkshopWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *main_stack;
  GtkSpinner           *spinner;
  GtkStack             *view_stack;
  GtkScrolledWindow    *table_scroller;
  GtkLabel             *picker_caption;
  GtkListBox           *participant_list;
  GtkDrawingArea       *radar_area;
  GtkDropDown          *element_dropdown;
  GtkLabel             *distribution_stats;
  GtkDrawingArea       *distribution_area;
  GtkWidget            *priorities_box;
  GtkWidget            *changes_box;
  GtkWidget            *problems_box;

  EmsComparison        *comparison;
  GPtrArray            *sources;        /* char*: the file of each participant */
  EmsScores            *group_mean;     /* own struct, see free_group_mean() */
  GArray               *picked;         /* guint participant indexes */
  GPtrArray            *problems;       /* Problem* */
  GtkWidget            *table;
  GPtrArray            *pick_buttons;   /* GtkCheckButton*, per participant */
  gboolean              anonymise;

  GCancellable         *cancellable;
  GPtrArray            *pending;        /* GFile*: waiting for the running job */
  gboolean              loading;
  GtkNativeDialog      *chooser;
};

G_DEFINE_FINAL_TYPE (EmsWorkshopWindow, ems_workshop_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ANONYMISE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (EmsWorkshopWindow *self);
static void start_next_job (EmsWorkshopWindow *self);

static void
problem_free (Problem *problem)
{
  g_free (problem->name);
  g_free (problem->message);
  g_free (problem);
}

static void
free_group_mean (EmsScores *scores)
{
  if (scores == NULL)
    return;
  g_free (scores->elements);
  g_free (scores);
}

/* Style ---------------------------------------------------------------- */

void
ems_workshop_load_style (void)
{
  static GtkCssProvider *provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/tenelements/TenElements/ems-workshop.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

const EmsChartStyle *
ems_workshop_chart_style (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? ems_chart_style_dark ()
         : ems_chart_style_light ();
}

/* Helpers shared with the presentation ---------------------------------- */

char *
ems_workshop_format_delta (double delta)
{
  g_autofree char *value = ems_format_percent (TRUE, fabs (delta));

  /* Rounded as shown: a change that rounds to 0.0 is no change */
  if (round (delta * 10.0) > 0)
    /* Translators: a score that went up, in points; the arrow says it in text */
    return g_strdup_printf (_("↑ +%s"), value);
  if (round (delta * 10.0) < 0)
    /* Translators: a score that went down, in points */
    return g_strdup_printf (_("↓ −%s"), value);
  /* Translators: a score that did not change */
  return g_strdup_printf (_("= %s"), value);
}

EmsScores *
ems_workshop_compute_group_mean (EmsComparison *comparison)
{
  guint n = ems_comparison_get_n_elements (comparison);
  guint n_participants = ems_comparison_get_n_participants (comparison);
  EmsScores *mean = g_new0 (EmsScores, 1);
  double sum = 0;
  guint n_scored = 0;

  mean->n_elements = n;
  mean->elements = g_new0 (EmsElementScore, n);
  mean->target_level = 3;
  mean->target = 75.0;
  if (n_participants > 0)
    {
      const EmsScores *first = ems_comparison_get_scores (comparison, 0);

      mean->target_level = first->target_level;
      mean->target = first->target;
    }

  for (guint i = 0; i < n; i++)
    {
      const EmsElementStats *stats = ems_comparison_get_element_stats (comparison, i + 1);
      EmsElementScore *element = &mean->elements[i];

      element->number = i + 1;
      element->has_score = stats != NULL && stats->has_stats;
      element->score = element->has_score ? stats->mean : 0;
      element->band = element->has_score ? ems_band_from_score (element->score) : EMS_BAND_NONE;
      if (element->has_score)
        {
          sum += element->score;
          n_scored++;
        }
    }

  mean->has_overall = n_scored > 0;
  mean->overall = n_scored > 0 ? sum / n_scored : 0;
  mean->band = mean->has_overall ? ems_band_from_score (mean->overall) : EMS_BAND_NONE;

  return mean;
}

void
ems_workshop_free_group_mean (EmsScores *mean)
{
  free_group_mean (mean);
}

/* Radar data of the group mean with @picked participants on top; the one
 * participant alone for a set of one. */
EmsRadarData *
ems_workshop_radar_data_new (EmsComparison   *comparison,
                             const EmsScores *group_mean,
                             const guint     *picked,
                             guint            n_picked)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  guint n_participants = ems_comparison_get_n_participants (comparison);
  EmsRadarData *data;
  gboolean same_target = TRUE;

  if (n_participants == 1)
    {
      g_autofree char *label = ems_comparison_dup_label (comparison, 0);

      return ems_radar_data_new_from_scores (checklist, ems_comparison_get_scores (comparison, 0),
                                             label);
    }

  /* Picked participants first: series 0 is drawn on top */
  if (n_picked > 0)
    {
      g_autofree char *label = ems_comparison_dup_label (comparison, picked[0]);

      data = ems_radar_data_new_from_scores (checklist,
                                             ems_comparison_get_scores (comparison, picked[0]),
                                             label);
    }
  else
    /* Translators: legend of the radar series of the group's mean scores */
    data = ems_radar_data_new_from_scores (checklist, group_mean, _("Group mean"));

  for (guint i = 1; i < n_picked && i < MAX_PICKED; i++)
    {
      g_autofree char *label = ems_comparison_dup_label (comparison, picked[i]);

      ems_radar_data_add_series (data, label, ems_comparison_get_scores (comparison, picked[i]));
    }
  if (n_picked > 0)
    ems_radar_data_add_series (data, _("Group mean"), group_mean);

  /* The group has no red flags of its own, and flags of one of the series
   * would be read as the group's. One target ring only when everyone
   * shares it. */
  memset (data->red_flags, 0, sizeof (gboolean) * data->n_axes);
  for (guint i = 1; i < n_participants; i++)
    if (ems_comparison_get_scores (comparison, i)->target != group_mean->target)
      same_target = FALSE;
  data->has_target = same_target;

  return data;
}

/* The answers to element @number, one row per participant */
EmsDistributionData *
ems_workshop_distribution_data_new (EmsComparison *comparison,
                                    guint          number)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  guint n = ems_comparison_get_n_participants (comparison);
  EmsDistributionData *data;

  g_return_val_if_fail (n > 0, NULL);

  /* The legend comes with data built from any scores */
  data = ems_distribution_data_new_from_scores (checklist, ems_comparison_get_scores (comparison, 0));
  for (guint i = 0; i < data->n_rows; i++)
    g_free (data->rows[i].label);
  g_free (data->rows);

  data->n_rows = n;
  data->rows = g_new0 (EmsDistributionRow, n);
  for (guint p = 0; p < n; p++)
    {
      const EmsScores *scores = ems_comparison_get_scores (comparison, p);
      EmsDistributionRow *row = &data->rows[p];
      guint done;

      row->label = ems_comparison_dup_label (comparison, p);
      if (number < 1 || number > scores->n_elements)
        continue;

      done = scores->elements[number - 1].n_not_applicable;
      for (guint k = 0; k <= EMS_LEVEL_MAX; k++)
        {
          row->n_levels[k] = scores->elements[number - 1].n_levels[k];
          done += row->n_levels[k];
        }
      row->n_not_applicable = scores->elements[number - 1].n_not_applicable;
      row->n_unanswered = scores->elements[number - 1].n_questions > done
                          ? scores->elements[number - 1].n_questions - done : 0;
    }

  return data;
}

/* Every answer of the group, one row per element */
EmsDistributionData *
ems_workshop_group_distribution_data_new (EmsComparison *comparison)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  guint n = ems_comparison_get_n_participants (comparison);
  EmsDistributionData *data;

  g_return_val_if_fail (n > 0, NULL);

  data = ems_distribution_data_new_from_scores (checklist, ems_comparison_get_scores (comparison, 0));
  for (guint p = 1; p < n; p++)
    {
      const EmsScores *scores = ems_comparison_get_scores (comparison, p);

      for (guint i = 0; i < data->n_rows && i < scores->n_elements; i++)
        {
          EmsDistributionRow *row = &data->rows[i];
          const EmsElementScore *es = &scores->elements[i];
          guint done = es->n_not_applicable;

          for (guint k = 0; k <= EMS_LEVEL_MAX; k++)
            {
              row->n_levels[k] += es->n_levels[k];
              done += es->n_levels[k];
            }
          row->n_not_applicable += es->n_not_applicable;
          row->n_unanswered += es->n_questions > done ? es->n_questions - done : 0;
        }
    }

  return data;
}

char *
ems_workshop_describe_stats (const EmsElementStats *stats)
{
  g_autofree char *mean = NULL;
  g_autofree char *median = NULL;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *stddev = NULL;

  if (stats == NULL || !stats->has_stats)
    return g_strdup (_("No participant has a score for this element."));

  mean = ems_format_percent (TRUE, stats->mean);
  median = ems_format_percent (TRUE, stats->median);
  min = ems_format_percent (TRUE, stats->min);
  max = ems_format_percent (TRUE, stats->max);
  stddev = ems_format_percent (TRUE, stats->stddev);

  if (stats->n_null > 0)
    /* Translators: statistics of an element's scores across participants,
     * in percent; the last two are counts of participants */
    return g_strdup_printf (_("Mean %s, median %s, lowest %s, highest %s, standard deviation %s · %u scored, %u without a score"),
                            mean, median, min, max, stddev, stats->n_scored, stats->n_null);

  /* Translators: statistics of an element's scores across participants,
   * in percent; the last is a count of participants */
  return g_strdup_printf (_("Mean %s, median %s, lowest %s, highest %s, standard deviation %s · %u scored"),
                          mean, median, min, max, stddev, stats->n_scored);
}

/* Loading ---------------------------------------------------------------- */

typedef struct
{
  GPtrArray *existing;     /* EmsAssessment*, in order */
  GPtrArray *sources;      /* char*, parallel to existing */
  GPtrArray *files;        /* GFile* to read */
  gboolean   anonymise;
} LoadJob;

typedef struct
{
  EmsComparison *comparison;
  GPtrArray     *sources;   /* char*, one per participant */
  GPtrArray     *problems;  /* Problem* */
  guint          n_added;
} LoadResult;

static void
load_job_free (LoadJob *job)
{
  g_ptr_array_unref (job->existing);
  g_ptr_array_unref (job->sources);
  g_ptr_array_unref (job->files);
  g_free (job);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->comparison);
  g_clear_pointer (&result->sources, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

static char *
display_name_of (GFile *file)
{
  g_autofree char *raw = g_file_get_basename (file);

  return g_filename_display_name (raw);
}

static void
add_problem (GPtrArray  *problems,
             GFile      *file,
             const char *message)
{
  Problem *problem = g_new0 (Problem, 1);

  problem->name = display_name_of (file);
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

/* The .emsa files of @folder, sorted by name */
static void
expand_folder (GFile        *folder,
               GPtrArray    *into,
               GPtrArray    *problems,
               GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (enumerator == NULL)
    {
      add_problem (problems, folder, error->message);
      return;
    }

  while ((info = g_file_enumerator_next_file (enumerator, cancellable, &error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          g_str_has_suffix (name, ".emsa"))
        g_ptr_array_add (found, g_file_get_child (folder, name));
      g_object_unref (info);
    }
  if (error != NULL)
    add_problem (problems, folder, error->message);

  if (found->len == 0 && error == NULL)
    add_problem (problems, folder, _("The folder holds no assessment (.emsa) files."));

  g_ptr_array_sort (found, ems_compare_file_paths);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (into, g_object_ref (g_ptr_array_index (found, i)));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  EmsChecklist *checklist = ems_checklist_get_default ();
  LoadResult *result = g_new0 (LoadResult, 1);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  result->comparison = ems_comparison_new ();
  result->sources = g_ptr_array_new_with_free_func (g_free);
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

  for (guint i = 0; i < job->existing->len; i++)
    {
      const char *source = g_ptr_array_index (job->sources, i);

      ems_comparison_add (result->comparison, g_ptr_array_index (job->existing, i), source);
      g_ptr_array_add (result->sources, g_strdup (source));
      if (source != NULL)
        g_hash_table_add (seen, g_strdup (source));
    }

  for (guint i = 0; i < job->files->len; i++)
    {
      GFile *file = g_ptr_array_index (job->files, i);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        expand_folder (file, files, result->problems, cancellable);
      else
        g_ptr_array_add (files, g_object_ref (file));
    }

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(EmsAssessment) assessment = NULL;
      g_autoptr(GError) error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (path == NULL)
        path = g_file_get_uri (file);
      if (g_hash_table_contains (seen, path))
        continue;

      assessment = ems_assessment_load_from_file (checklist, file, NULL, cancellable, &error);
      if (assessment == NULL)
        {
          add_problem (result->problems, file, error->message);
          continue;
        }

      ems_comparison_add (result->comparison, assessment, path);
      g_ptr_array_add (result->sources, g_strdup (path));
      g_hash_table_add (seen, g_steal_pointer (&path));
      result->n_added++;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      load_result_free (result);
      return;
    }

  ems_comparison_set_anonymise (result->comparison, job->anonymise);
  /* Statistics are computed here, not on the first draw */
  ems_comparison_get_element_stats (result->comparison, 1);

  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
set_loading (EmsWorkshopWindow *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  if (loading)
    {
      gtk_spinner_start (self->spinner);
      if (self->comparison == NULL || ems_comparison_get_n_participants (self->comparison) == 0)
        gtk_stack_set_visible_child_name (self->main_stack, "loading");
    }
  else
    gtk_spinner_stop (self->spinner);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_load_done (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  EmsWorkshopWindow *self = EMS_WORKSHOP_WINDOW (object);
  LoadResult *result;
  g_autoptr(GError) error = NULL;
  guint n_failed;

  /* Cancelled: the window is gone (disposed) */
  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result == NULL)
    return;

  n_failed = result->problems->len;
  g_clear_object (&self->comparison);
  self->comparison = g_steal_pointer (&result->comparison);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  self->sources = g_steal_pointer (&result->sources);
  ems_comparison_set_anonymise (self->comparison, self->anonymise);
  g_ptr_array_extend_and_steal (self->problems, g_steal_pointer (&result->problems));
  load_result_free (result);

  rebuild (self);

  if (n_failed > 0)
    {
      g_autofree char *text = NULL;
      AdwToast *toast;

      /* Translators: %u files could not be read and are left out */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u file could not be read: see Problems",
                                           "%u files could not be read: see Problems",
                                           n_failed),
                              n_failed);
      toast = adw_toast_new (text);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  if (self->pending->len > 0)
    start_next_job (self);
  else
    set_loading (self, FALSE);
}

static void
start_next_job (EmsWorkshopWindow *self)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job = g_new0 (LoadJob, 1);
  guint n = self->comparison ? ems_comparison_get_n_participants (self->comparison) : 0;

  job->existing = g_ptr_array_new_with_free_func (g_object_unref);
  job->sources = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (job->existing, g_object_ref (ems_comparison_get_assessment (self->comparison, i)));
      g_ptr_array_add (job->sources, g_strdup (g_ptr_array_index (self->sources, i)));
    }
  job->files = g_steal_pointer (&self->pending);
  job->anonymise = self->anonymise;
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);

  /* The checklist is read once, here, not by two threads at once */
  ems_checklist_get_default ();

  set_loading (self, TRUE);
  task = g_task_new (self, self->cancellable, on_load_done, NULL);
  g_task_set_source_tag (task, start_next_job);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
}

void
ems_workshop_window_open_files (EmsWorkshopWindow  *self,
                                GFile             **files,
                                guint               n_files)
{
  g_return_if_fail (EMS_IS_WORKSHOP_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->pending, g_object_ref (files[i]));

  if (!self->loading && self->pending->len > 0)
    start_next_job (self);
}

gboolean
ems_workshop_window_is_busy (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), FALSE);
  return self->loading;
}

/* Building the views ----------------------------------------------------- */

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
cell_label (const char *text,
            const char *css_class,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
add_band_class (GtkWidget *widget,
                EmsBand    band)
{
  /* Colour as well as the band word, never colour alone */
  switch (band)
    {
    case EMS_BAND_RED:
      gtk_widget_add_css_class (widget, "error");
      break;
    case EMS_BAND_AMBER:
      gtk_widget_add_css_class (widget, "warning");
      break;
    case EMS_BAND_GREEN:
      gtk_widget_add_css_class (widget, "success");
      break;
    case EMS_BAND_NONE:
    default:
      gtk_widget_add_css_class (widget, "dim-label");
      break;
    }
}

static GtkWidget *
score_cell (gboolean has_value,
            double   value)
{
  g_autofree char *percent = ems_format_percent (has_value, value);
  g_autofree char *text = NULL;
  GtkWidget *label;
  EmsBand band = has_value ? ems_band_from_score (value) : EMS_BAND_NONE;

  if (has_value)
    /* Translators: a score and its band word on two lines, e.g. "72.5\nGreen" */
    text = g_strdup_printf (_("%s\n%s"), percent, ems_band_to_label (band));
  else
    text = g_strdup (percent);

  label = cell_label (text, "cell", 0.5);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  add_band_class (label, band);

  return label;
}

typedef struct
{
  gboolean has_stats;
  double   mean;
  double   median;
  double   min;
  double   max;
  double   stddev;
  guint    n_scored;
  guint    n_null;
} Stats;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The statistics of the overall scores, as core computes them per element */
static void
overall_stats (EmsComparison *comparison,
               Stats         *stats)
{
  guint n = ems_comparison_get_n_participants (comparison);
  g_autofree double *values = g_new (double, MAX (n, 1));
  double sum = 0, sq = 0;

  memset (stats, 0, sizeof *stats);
  for (guint i = 0; i < n; i++)
    {
      const EmsScores *scores = ems_comparison_get_scores (comparison, i);

      if (scores->has_overall)
        values[stats->n_scored++] = scores->overall;
      else
        stats->n_null++;
    }
  if (stats->n_scored == 0)
    return;

  qsort (values, stats->n_scored, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  for (guint i = 0; i < stats->n_scored; i++)
    sum += values[i];
  stats->mean = sum / stats->n_scored;
  for (guint i = 0; i < stats->n_scored; i++)
    sq += (values[i] - stats->mean) * (values[i] - stats->mean);
  stats->stddev = sqrt (sq / stats->n_scored);
  stats->min = values[0];
  stats->max = values[stats->n_scored - 1];
  stats->median = stats->n_scored % 2 ? values[stats->n_scored / 2]
                  : (values[stats->n_scored / 2 - 1] + values[stats->n_scored / 2]) / 2;
  stats->has_stats = TRUE;
}

static void
build_table (EmsWorkshopWindow *self)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  EmsComparison *comparison = self->comparison;
  guint n = ems_comparison_get_n_participants (comparison);
  guint n_elements = ems_comparison_get_n_elements (comparison);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *legend;
  g_autoptr(GString) legend_text = g_string_new (NULL);
  const char *stat_names[] = {
    N_("Mean"), N_("Median"), N_("Lowest"), N_("Highest"), N_("Standard deviation"), N_("Scored"),
  };
  Stats overall;
  guint row;

  gtk_widget_add_css_class (grid, "workshop-table");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 0);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 0);
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scores of each participant per element, with statistics"),
                                  -1);

  gtk_grid_attach (GTK_GRID (grid), cell_label (_("Participant"), "column-header", 0), 0, 0, 1, 1);
  for (guint e = 1; e <= n_elements; e++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, e);
      g_autofree char *number = g_strdup_printf ("%u", e);
      GtkWidget *header = cell_label (number, "column-header", 0.5);

      if (element != NULL)
        {
          g_autofree char *full = NULL;

          ems_tooltip_set_text (header, element->title);
          /* Translators: accessible name of a table column: element number and title */
          full = g_strdup_printf (_("Element %u, %s"), e, element->title);
          gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
          if (legend_text->len > 0)
            g_string_append (legend_text, " · ");
          g_string_append_printf (legend_text, "%u %s", e, element->title);
        }
      gtk_grid_attach (GTK_GRID (grid), header, e, 0, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (grid), cell_label (_("Overall"), "column-header", 0.5),
                   n_elements + 1, 0, 1, 1);

  for (guint p = 0; p < n; p++)
    {
      const EmsScores *scores = ems_comparison_get_scores (comparison, p);
      g_autofree char *label = ems_comparison_dup_label (comparison, p);
      const char *source = ems_comparison_get_source (comparison, p);
      GtkWidget *name = cell_label (label, "row-header", 0);

      row = EMS_WORKSHOP_TABLE_FIRST_ROW + p;
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 22);
      ems_tooltip_set_text (name, source != NULL ? source : label);
      if (p % 2)
        gtk_widget_add_css_class (name, "odd");
      gtk_grid_attach (GTK_GRID (grid), name, 0, row, 1, 1);

      for (guint e = 0; e < n_elements; e++)
        {
          GtkWidget *cell;

          if (e < scores->n_elements)
            cell = score_cell (scores->elements[e].has_score, scores->elements[e].score);
          else
            cell = score_cell (FALSE, 0);
          if (p % 2)
            gtk_widget_add_css_class (cell, "odd");
          gtk_grid_attach (GTK_GRID (grid), cell, e + 1, row, 1, 1);
        }

      {
        GtkWidget *cell = score_cell (scores->has_overall, scores->overall);

        if (p % 2)
          gtk_widget_add_css_class (cell, "odd");
        gtk_grid_attach (GTK_GRID (grid), cell, n_elements + 1, row, 1, 1);
      }
    }

  overall_stats (comparison, &overall);
  row = EMS_WORKSHOP_TABLE_FIRST_ROW + n;
  for (guint s = 0; s < G_N_ELEMENTS (stat_names); s++, row++)
    {
      GtkWidget *header = cell_label (_(stat_names[s]), "stats-header", 0);

      if (s == 0)
        gtk_widget_add_css_class (header, "stats-first");
      gtk_grid_attach (GTK_GRID (grid), header, 0, row, 1, 1);

      for (guint e = 0; e <= n_elements; e++)
        {
          Stats stats;
          g_autofree char *text = NULL;
          GtkWidget *cell;

          if (e < n_elements)
            {
              const EmsElementStats *es = ems_comparison_get_element_stats (comparison, e + 1);

              memset (&stats, 0, sizeof stats);
              if (es != NULL)
                {
                  stats.has_stats = es->has_stats;
                  stats.mean = es->mean;
                  stats.median = es->median;
                  stats.min = es->min;
                  stats.max = es->max;
                  stats.stddev = es->stddev;
                  stats.n_scored = es->n_scored;
                  stats.n_null = es->n_null;
                }
            }
          else
            stats = overall;

          switch (s)
            {
            case 0: text = ems_format_percent (stats.has_stats, stats.mean); break;
            case 1: text = ems_format_percent (stats.has_stats, stats.median); break;
            case 2: text = ems_format_percent (stats.has_stats, stats.min); break;
            case 3: text = ems_format_percent (stats.has_stats, stats.max); break;
            case 4: text = ems_format_percent (stats.has_stats, stats.stddev); break;
            default:
              /* Translators: participants with a score of all participants, e.g. "3 of 4" */
              text = g_strdup_printf (_("%u of %u"), stats.n_scored, stats.n_scored + stats.n_null);
              break;
            }
          cell = cell_label (text, "cell", 0.5);
          if (s == 0)
            gtk_widget_add_css_class (cell, "stats-first");
          gtk_grid_attach (GTK_GRID (grid), cell, e + 1, row, 1, 1);
        }
    }

  legend = gtk_label_new (legend_text->str);
  gtk_label_set_wrap (GTK_LABEL (legend), TRUE);
  gtk_label_set_xalign (GTK_LABEL (legend), 0);
  gtk_widget_set_margin_start (legend, 18);
  gtk_widget_set_margin_end (legend, 18);
  gtk_widget_set_margin_bottom (legend, 18);
  gtk_widget_add_css_class (legend, "dim-label");

  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), legend);
  gtk_scrolled_window_set_child (self->table_scroller, box);
  self->table = grid;
}

static void
update_radar (EmsWorkshopWindow *self)
{
  g_autoptr(EmsRadarData) data = NULL;
  g_autofree char *description = NULL;

  if (self->comparison == NULL || ems_comparison_get_n_participants (self->comparison) == 0)
    return;

  data = ems_workshop_radar_data_new (self->comparison, self->group_mean,
                                      (guint *) self->picked->data, self->picked->len);
  description = ems_radar_data_describe (data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->radar_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->radar_area));
}

static void
draw_radar (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  EmsWorkshopWindow *self = user_data;
  g_autoptr(EmsRadarData) data = NULL;
  EmsChartStyle style;

  if (self->comparison == NULL || ems_comparison_get_n_participants (self->comparison) == 0)
    return;

  style = *ems_workshop_chart_style ();
  style.fill_background = FALSE;
  data = ems_workshop_radar_data_new (self->comparison, self->group_mean,
                                      (guint *) self->picked->data, self->picked->len);
  ems_radar_draw (cr, width, height, data, &style);
}

static void
update_pick_sensitivity (EmsWorkshopWindow *self)
{
  for (guint i = 0; i < self->pick_buttons->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->pick_buttons, i);

      gtk_widget_set_sensitive (GTK_WIDGET (check),
                                gtk_check_button_get_active (check) ||
                                self->picked->len < MAX_PICKED);
    }
}

static void
on_pick_toggled (GtkCheckButton    *check,
                 EmsWorkshopWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "participant"));
  gboolean active = gtk_check_button_get_active (check);
  guint position = G_MAXUINT;

  for (guint i = 0; i < self->picked->len; i++)
    if (g_array_index (self->picked, guint, i) == index)
      position = i;

  if (active && position == G_MAXUINT && self->picked->len < MAX_PICKED)
    g_array_append_val (self->picked, index);
  else if (!active && position != G_MAXUINT)
    g_array_remove_index (self->picked, position);

  update_pick_sensitivity (self);
  update_radar (self);
}

static void
on_pick_row_activated (GtkListBox        *list,
                       GtkListBoxRow     *row,
                       EmsWorkshopWindow *self)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (gtk_list_box_row_get_child (row)), "check");

  if (check != NULL && gtk_widget_get_sensitive (GTK_WIDGET (check)))
    gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static void
build_picker (EmsWorkshopWindow *self)
{
  guint n = ems_comparison_get_n_participants (self->comparison);
  g_autofree char *caption = NULL;

  clear_list (self->participant_list);
  g_ptr_array_set_size (self->pick_buttons, 0);

  for (guint p = 0; p < n; p++)
    {
      g_autofree char *label = ems_comparison_dup_label (self->comparison, p);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *text = gtk_label_new (label);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gboolean picked = FALSE;

      for (guint i = 0; i < self->picked->len; i++)
        if (g_array_index (self->picked, guint, i) == p)
          picked = TRUE;

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), picked);
      g_object_set_data (G_OBJECT (check), "participant", GUINT_TO_POINTER (p));
      g_signal_connect (check, "toggled", G_CALLBACK (on_pick_toggled), self);
      /* Long names wrap instead of widening the list */
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (text), 26);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, text, NULL,
                                      -1);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), text);
      g_object_set_data (G_OBJECT (box), "check", check);
      gtk_list_box_append (self->participant_list, box);
      g_ptr_array_add (self->pick_buttons, check);
    }

  /* Translators: %u is how many participants the radar can draw over the
   * group mean (the chart draws three series at most) */
  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Pick up to %u participant to draw over the group mean.",
                                          "Pick up to %u participants to draw over the group mean.",
                                          MAX_PICKED),
                             MAX_PICKED);
  gtk_label_set_text (self->picker_caption, caption);
  update_pick_sensitivity (self);
}

static guint
selected_element (EmsWorkshopWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->element_dropdown);

  return position == GTK_INVALID_LIST_POSITION ? 1 : position + 1;
}

static void
update_distribution (EmsWorkshopWindow *self)
{
  g_autoptr(EmsDistributionData) data = NULL;
  g_autofree char *description = NULL;
  g_autofree char *stats = NULL;
  guint n;

  if (self->comparison == NULL || (n = ems_comparison_get_n_participants (self->comparison)) == 0)
    return;

  stats = ems_workshop_describe_stats (ems_comparison_get_element_stats (self->comparison,
                                                                         selected_element (self)));
  gtk_label_set_text (self->distribution_stats, stats);

  data = ems_workshop_distribution_data_new (self->comparison, selected_element (self));
  description = ems_distribution_data_describe (data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->distribution_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_drawing_area_set_content_height (self->distribution_area, MAX (200, 56 * n + 110));
  gtk_widget_queue_draw (GTK_WIDGET (self->distribution_area));
}

static void
draw_distribution (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  EmsWorkshopWindow *self = user_data;
  g_autoptr(EmsDistributionData) data = NULL;
  EmsChartStyle style;

  if (self->comparison == NULL || ems_comparison_get_n_participants (self->comparison) == 0)
    return;

  style = *ems_workshop_chart_style ();
  style.fill_background = FALSE;
  data = ems_workshop_distribution_data_new (self->comparison, selected_element (self));
  ems_distribution_draw (cr, width, height, data, &style);
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  return group;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static char *
element_title (guint number)
{
  const EmsElement *element = ems_checklist_get_element (ems_checklist_get_default (), number);

  /* Translators: an element number and its title */
  return g_strdup_printf (_("%u. %s"), number, element ? element->title : "");
}

static void
build_priorities (EmsWorkshopWindow *self)
{
  g_autoptr(GArray) spread = ems_comparison_rank_disagreement (self->comparison);
  g_autoptr(GArray) weakest = ems_comparison_rank_weakest (self->comparison);
  g_autoptr(GArray) zeros = ems_comparison_most_zero (self->comparison, 10);
  GtkWidget *group;

  remove_children (self->priorities_box);

  group = new_group (_("Largest Spread"), _("Elements where participants differ most (standard deviation of the scores)"));
  for (guint i = 0; i < MIN (spread->len, 5); i++)
    {
      guint number = g_array_index (spread, guint, i);
      const EmsElementStats *stats = ems_comparison_get_element_stats (self->comparison, number);
      g_autofree char *title = element_title (number);
      g_autofree char *sd = ems_format_percent (stats->has_stats, stats->stddev);
      g_autofree char *min = ems_format_percent (stats->has_stats, stats->min);
      g_autofree char *max = ems_format_percent (stats->has_stats, stats->max);
      g_autofree char *subtitle = NULL;

      if (!stats->has_stats)
        continue;
      /* Translators: spread of an element's scores: standard deviation, lowest and highest score */
      subtitle = g_strdup_printf (_("Standard deviation %s, from %s to %s"), sd, min, max);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_row (title, subtitle));
    }
  gtk_box_append (GTK_BOX (self->priorities_box), group);

  group = new_group (_("Weakest Elements"), _("Lowest group mean score first"));
  for (guint i = 0; i < MIN (weakest->len, 5); i++)
    {
      guint number = g_array_index (weakest, guint, i);
      const EmsElementStats *stats = ems_comparison_get_element_stats (self->comparison, number);
      g_autofree char *title = element_title (number);
      g_autofree char *mean = ems_format_percent (stats->has_stats, stats->mean);
      g_autofree char *subtitle = NULL;

      if (!stats->has_stats)
        continue;
      /* Translators: the group's mean score of an element and its band word */
      subtitle = g_strdup_printf (_("Group mean %s (%s)"), mean,
                                  ems_band_to_label (ems_band_from_score (stats->mean)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_row (title, subtitle));
    }
  gtk_box_append (GTK_BOX (self->priorities_box), group);

  group = new_group (_("Most Often Answered 0"), _("Questions the group most often answered “Not in place”"));
  if (zeros->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               new_row (_("No question was answered 0"), NULL));
  for (guint i = 0; i < zeros->len; i++)
    {
      const EmsZeroCount *zero = &g_array_index (zeros, EmsZeroCount, i);
      g_autofree char *title = g_strdup_printf ("%s  %s", zero->question->id, zero->question->text);
      g_autofree char *subtitle = NULL;

      /* Translators: how many participants answered a question 0, of those that answered it */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Answered 0 by %u of %u participant",
                                               "Answered 0 by %u of %u participants",
                                               zero->n_answered),
                                  zero->n_zero, zero->n_answered);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_row (title, subtitle));
    }
  gtk_box_append (GTK_BOX (self->priorities_box), group);
}

/* A grid of element | first | last | change for @follow_up */
GtkWidget *
ems_workshop_change_grid_new (EmsComparison     *comparison,
                              const EmsFollowUp *follow_up,
                              const char        *cell_class)
{
  GtkWidget *grid = gtk_grid_new ();
  const EmsScores *first = ems_comparison_get_scores (comparison, follow_up->participants[0]);
  const EmsScores *last = ems_comparison_get_scores (comparison, follow_up->participants[follow_up->n - 1]);
  const char *headers[] = { N_("Element"), N_("First"), N_("Last"), N_("Change") };
  guint n = ems_comparison_get_n_elements (comparison);

  gtk_widget_add_css_class (grid, "change-table");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      GtkWidget *header = cell_label (_(headers[c]), cell_class, c == 0 ? 0 : 1);

      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "slide-heading");
      gtk_grid_attach (GTK_GRID (grid), header, c, 0, 1, 1);
    }

  for (guint e = 1; e <= n; e++)
    {
      g_autofree char *title = element_title (e);
      gboolean has_first = e <= first->n_elements && first->elements[e - 1].has_score;
      gboolean has_last = e <= last->n_elements && last->elements[e - 1].has_score;
      g_autofree char *a = ems_format_percent (has_first, has_first ? first->elements[e - 1].score : 0);
      g_autofree char *b = ems_format_percent (has_last, has_last ? last->elements[e - 1].score : 0);
      g_autofree char *change = NULL;
      double delta;
      GtkWidget *title_label, *change_label;

      if (ems_comparison_get_delta (comparison, follow_up, e, &delta))
        change = ems_workshop_format_delta (delta);
      else
        change = g_strdup (_("—"));

      title_label = cell_label (title, cell_class, 0);
      gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (title_label, TRUE);
      gtk_grid_attach (GTK_GRID (grid), title_label, 0, e, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell_label (a, cell_class, 1), 1, e, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell_label (b, cell_class, 1), 2, e, 1, 1);
      change_label = cell_label (change, cell_class, 1);
      g_object_set_data (G_OBJECT (change_label), "element", GUINT_TO_POINTER (e));
      gtk_widget_set_name (change_label, "change");
      gtk_grid_attach (GTK_GRID (grid), change_label, 3, e, 1, 1);
    }

  return grid;
}

char *
ems_workshop_describe_follow_up (EmsComparison     *comparison,
                                 const EmsFollowUp *follow_up)
{
  EmsAssessment *first = ems_comparison_get_assessment (comparison, follow_up->participants[0]);
  EmsAssessment *last = ems_comparison_get_assessment (comparison, follow_up->participants[follow_up->n - 1]);
  const char *from = ems_assessment_get_assessed_on (first);
  const char *to = ems_assessment_get_assessed_on (last);

  /* Translators: number of assessments of one organisation, first and last date */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u assessment, from %s to %s",
                                       "%u assessments, from %s to %s",
                                       follow_up->n),
                          follow_up->n, from ? from : _("—"), to ? to : _("—"));
}

char *
ems_workshop_follow_up_title (const EmsFollowUp *follow_up)
{
  if (follow_up->site != NULL)
    /* Translators: organisation, site */
    return g_strdup_printf (_("%s, %s"), follow_up->name, follow_up->site);
  return g_strdup (follow_up->name);
}

static gboolean
build_changes (EmsWorkshopWindow *self)
{
  g_autoptr(GPtrArray) follow_ups = ems_comparison_follow_ups (self->comparison);

  remove_children (self->changes_box);

  for (guint i = 0; i < follow_ups->len; i++)
    {
      const EmsFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      g_autofree char *title = ems_workshop_follow_up_title (follow_up);
      g_autofree char *description = ems_workshop_describe_follow_up (self->comparison, follow_up);
      GtkWidget *group = new_group (title, description);
      GtkWidget *grid = ems_workshop_change_grid_new (self->comparison, follow_up, "cell");

      gtk_widget_set_margin_top (grid, 6);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), grid);
      gtk_box_append (GTK_BOX (self->changes_box), group);
    }

  return follow_ups->len > 0;
}

static void
build_problems (EmsWorkshopWindow *self)
{
  GtkWidget *group;

  remove_children (self->problems_box);
  if (self->problems->len == 0)
    return;

  group = new_group (_("Files Left Out"), _("These files could not be read and are not in the comparison."));
  for (guint i = 0; i < self->problems->len; i++)
    {
      Problem *problem = g_ptr_array_index (self->problems, i);

      if (self->anonymise)
        {
          /* A file name can name an organisation: hide it, and in the error */
          /* Translators: a file left out, named by its number when anonymised */
          g_autofree char *name = g_strdup_printf (_("File %u"), i + 1);
          g_autoptr(GString) message = g_string_new (problem->message);

          g_string_replace (message, problem->name, name, 0);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_row (name, message->str));
        }
      else
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   new_row (problem->name, problem->message));
    }
  gtk_box_append (GTK_BOX (self->problems_box), group);
}

static void
set_view_visible (EmsWorkshopWindow *self,
                  const char        *name,
                  gboolean           visible)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->view_stack, name);

  gtk_stack_page_set_visible (gtk_stack_get_page (self->view_stack, child), visible);
}

static void
update_title (EmsWorkshopWindow *self)
{
  guint n = self->comparison ? ems_comparison_get_n_participants (self->comparison) : 0;
  g_autofree char *subtitle = NULL;

  if (n == 0 && self->problems->len == 0)
    subtitle = g_strdup ("");
  else if (self->problems->len == 0)
    /* Translators: window subtitle */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n), n);
  else
    {
      g_autofree char *participants = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n), n);
      g_autofree char *failed = NULL;

      /* Translators: window subtitle: files that could not be read */
      failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file left out", "%u files left out",
                                             self->problems->len),
                                self->problems->len);
      /* Translators: window subtitle: "3 participants, 1 file left out" */
      subtitle = g_strdup_printf (_("%s, %s"), participants, failed);
    }

  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* The window title names no organisation, anonymised or not */
  gtk_window_set_title (GTK_WINDOW (self), _("Workshop"));
}

static void
update_actions (EmsWorkshopWindow *self)
{
  guint n = self->comparison ? ems_comparison_get_n_participants (self->comparison) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.present", n > 0);
}

static void
rebuild (EmsWorkshopWindow *self)
{
  guint n = self->comparison ? ems_comparison_get_n_participants (self->comparison) : 0;
  gboolean has_changes = FALSE;

  /* Picks that no longer exist go */
  for (guint i = self->picked->len; i > 0; i--)
    if (g_array_index (self->picked, guint, i - 1) >= n)
      g_array_remove_index (self->picked, i - 1);

  g_clear_pointer (&self->group_mean, free_group_mean);
  self->table = NULL;

  if (n > 0)
    {
      self->group_mean = ems_workshop_compute_group_mean (self->comparison);
      build_table (self);
      build_picker (self);
      build_priorities (self);
      has_changes = build_changes (self);
      update_radar (self);
      update_distribution (self);
    }
  else
    {
      gtk_scrolled_window_set_child (self->table_scroller, NULL);
      clear_list (self->participant_list);
      g_ptr_array_set_size (self->pick_buttons, 0);
      remove_children (self->priorities_box);
      remove_children (self->changes_box);
    }
  build_problems (self);

  set_view_visible (self, "table", n > 0);
  set_view_visible (self, "radar", n > 0);
  set_view_visible (self, "distribution", n > 0);
  set_view_visible (self, "priorities", n > 0);
  set_view_visible (self, "changes", has_changes);
  set_view_visible (self, "problems", self->problems->len > 0);

  if (n == 0 && self->problems->len > 0)
    gtk_stack_set_visible_child_name (self->view_stack, "problems");
  else if (n > 0 && !gtk_stack_page_get_visible (gtk_stack_get_page (self->view_stack,
                                                                     gtk_stack_get_visible_child (self->view_stack))))
    gtk_stack_set_visible_child_name (self->view_stack, "table");

  if (n > 0 || self->problems->len > 0)
    gtk_stack_set_visible_child_name (self->main_stack, "content");
  else
    gtk_stack_set_visible_child_name (self->main_stack, self->loading ? "loading" : "empty");

  update_title (self);
  update_actions (self);
}

/* Public API ------------------------------------------------------------- */

EmsComparison *
ems_workshop_window_get_comparison (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), NULL);
  return self->comparison;
}

gboolean
ems_workshop_window_get_anonymise (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), FALSE);
  return self->anonymise;
}

void
ems_workshop_window_set_anonymise (EmsWorkshopWindow *self,
                                   gboolean           anonymise)
{
  g_return_if_fail (EMS_IS_WORKSHOP_WINDOW (self));

  anonymise = !!anonymise;
  if (self->anonymise == anonymise)
    return;

  self->anonymise = anonymise;
  if (self->comparison != NULL)
    ems_comparison_set_anonymise (self->comparison, anonymise);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANONYMISE]);
}

guint
ems_workshop_window_get_n_problems (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), 0);
  return self->problems->len;
}

void
ems_workshop_window_show_view (EmsWorkshopWindow *self,
                               const char        *name)
{
  g_return_if_fail (EMS_IS_WORKSHOP_WINDOW (self));
  g_return_if_fail (gtk_stack_get_child_by_name (self->view_stack, name) != NULL);

  gtk_stack_set_visible_child_name (self->view_stack, name);
}

GtkWidget *
ems_workshop_window_get_view (EmsWorkshopWindow *self,
                              const char        *name)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->view_stack, name);
}

gboolean
ems_workshop_window_view_is_visible (EmsWorkshopWindow *self,
                                     const char        *name)
{
  GtkWidget *child;

  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), FALSE);

  child = gtk_stack_get_child_by_name (self->view_stack, name);
  return child != NULL && gtk_stack_page_get_visible (gtk_stack_get_page (self->view_stack, child));
}

GtkWidget *
ems_workshop_window_get_table (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), NULL);
  return self->table;
}

void
ems_workshop_window_set_picked (EmsWorkshopWindow *self,
                                const guint       *participants,
                                guint              n_participants)
{
  g_return_if_fail (EMS_IS_WORKSHOP_WINDOW (self));

  g_array_set_size (self->picked, 0);
  for (guint i = 0; i < n_participants && i < MAX_PICKED; i++)
    g_array_append_val (self->picked, participants[i]);
  if (self->comparison != NULL)
    rebuild (self);
}

GtkWindow *
ems_workshop_window_present_slides (EmsWorkshopWindow *self)
{
  GtkApplication *application;
  EmsPresentation *presentation;

  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), NULL);

  if (self->comparison == NULL || ems_comparison_get_n_participants (self->comparison) == 0)
    return NULL;

  application = gtk_window_get_application (GTK_WINDOW (self));
  presentation = ems_presentation_new (application, self->comparison,
                                       (guint *) self->picked->data, self->picked->len);
  gtk_window_set_transient_for (GTK_WINDOW (presentation), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (presentation), TRUE);
  ems_presentation_start (presentation);

  return GTK_WINDOW (presentation);
}

/* Actions ---------------------------------------------------------------- */

static void
on_chooser_response (GtkNativeDialog   *dialog,
                     int                response,
                     EmsWorkshopWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      ems_workshop_window_open_files (self, (GFile **) array->pdata, array->len);
    }

  g_clear_object (&self->chooser);
}

static void
show_chooser (EmsWorkshopWindow    *self,
              GtkFileChooserAction  action)
{
  GtkFileChooserNative *chooser;
  gboolean folder = action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;

  chooser = gtk_file_chooser_native_new (folder ? _("Add Folders of Assessments") : _("Open Assessments"),
                                         GTK_WINDOW (self), action,
                                         folder ? _("_Add") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folder)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Assessments"));
      gtk_file_filter_add_mime_type (filter, MIME_TYPE);
      gtk_file_filter_add_pattern (filter, "*.emsa");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  show_chooser (EMS_WORKSHOP_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
add_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  show_chooser (EMS_WORKSHOP_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ems_workshop_window_present_slides (EMS_WORKSHOP_WINDOW (widget));
}

static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  ems_shortcuts_show (GTK_APPLICATION_WINDOW (widget));
}

static gboolean
on_drop (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         EmsWorkshopWindow *self)
{
  g_autoptr(GSList) list = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  /* Files and folders alike: folders add the assessments in them */
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;

  ems_workshop_window_open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

/* GObject ---------------------------------------------------------------- */

static void
ems_workshop_window_dispose (GObject *object)
{
  EmsWorkshopWindow *self = EMS_WORKSHOP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_WORKSHOP_WINDOW);

  g_clear_object (&self->comparison);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->group_mean, free_group_mean);
  g_clear_pointer (&self->picked, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pick_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (ems_workshop_window_parent_class)->dispose (object);
}

static void
ems_workshop_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EmsWorkshopWindow *self = EMS_WORKSHOP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ANONYMISE:
      g_value_set_boolean (value, self->anonymise);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_workshop_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EmsWorkshopWindow *self = EMS_WORKSHOP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ANONYMISE:
      ems_workshop_window_set_anonymise (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_workshop_window_class_init (EmsWorkshopWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ems_workshop_window_dispose;
  object_class->get_property = ems_workshop_window_get_property;
  object_class->set_property = ems_workshop_window_set_property;

  properties[PROP_ANONYMISE] =
    g_param_spec_boolean ("anonymise", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-workshop-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, picker_caption);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, participant_list);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, radar_area);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, element_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, distribution_stats);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, distribution_area);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, priorities_box);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, changes_box);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, problems_box);

  gtk_widget_class_install_action (widget_class, "workshop.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "workshop.add-folder", NULL, add_folder_action);
  gtk_widget_class_install_action (widget_class, "workshop.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_install_property_action (widget_class, "workshop.anonymise", "anonymise");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "workshop.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "workshop.open", NULL);
}

static void
ems_workshop_window_init (EmsWorkshopWindow *self)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(GtkStringList) elements = gtk_string_list_new (NULL);
  GtkDropTarget *target;

  ems_workshop_load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->picked = g_array_new (FALSE, FALSE, sizeof (guint));
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->pick_buttons = g_ptr_array_new ();

  for (guint e = 1; e <= ems_checklist_get_n_elements (checklist); e++)
    {
      g_autofree char *title = element_title (e);

      gtk_string_list_append (elements, title);
    }
  gtk_drop_down_set_model (self->element_dropdown, G_LIST_MODEL (elements));
  g_signal_connect_swapped (self->element_dropdown, "notify::selected",
                            G_CALLBACK (update_distribution), self);

  gtk_drawing_area_set_draw_func (self->radar_area, draw_radar, self, NULL);
  g_signal_connect (self->participant_list, "row-activated", G_CALLBACK (on_pick_row_activated), self);
  gtk_drawing_area_set_draw_func (self->distribution_area, draw_distribution, self, NULL);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->radar_area, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->distribution_area, G_CONNECT_SWAPPED);

  rebuild (self);
}

EmsWorkshopWindow *
ems_workshop_window_new (GtkApplication *application)
{
  return g_object_new (EMS_TYPE_WORKSHOP_WINDOW,
                       "application", application,
                       NULL);
}
