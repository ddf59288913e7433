/* td-page-cache.c: the viewer's page cache.
 *
 * One worker thread renders; requests are served nearest to the current page first and
 * dropped when the reader has moved on, so flipping through a long document never queues up
 * work for pages already left behind.  Finished pages arrive in the owner's main context; the
 * cache keeps them until the memory budget is reached and then drops the pages farthest from
 * the one in view. */
#include "config.h"

#include <unistd.h>

#include "td-page-cache.h"

typedef struct {
  TdRenderedPage  page;
  GError         *error;
} Entry;

struct _TdPageCache
{
  GObject        parent_instance;

  TdPdfDocument *document;
  GMainContext  *context;
  GHashTable    *entries;       /* page → Entry, main thread only */
  gsize          budget;
  gsize          memory;
  gsize          peak;
  guint          n_renders;

  /* Shared with the worker, under lock. */
  GMutex         lock;
  GCond          cond;
  GThread       *worker;
  gboolean       quit;
  int            current;
  double         scale;
  GHashTable    *pending;       /* page numbers asked for and not yet rendered */
  GHashTable    *ready_scale;   /* page → scale already in the cache, so the worker skips it */
};

G_DEFINE_FINAL_TYPE (TdPageCache, td_page_cache, G_TYPE_OBJECT)

enum {
  PAGE_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  TdPageCache    *self;
  int             page;
  TdRenderedPage  result;
  GError         *error;
} Delivery;

static void
entry_free (Entry *entry)
{
  g_clear_pointer (&entry->page.pixels, g_bytes_unref);
  g_clear_error (&entry->error);
  g_free (entry);
}

static gsize
entry_size (Entry *entry)
{
  return entry->page.pixels ? g_bytes_get_size (entry->page.pixels) : 0;
}

static int
distance (TdPageCache *self,
          int          page)
{
  return ABS (page - self->current);
}

/* Drops the pages farthest from the current one until the cache fits its budget; the current
 * page and its neighbours stay whatever they cost. */
static void
evict (TdPageCache *self)
{
  while (self->memory > self->budget)
    {
      GHashTableIter iter;
      gpointer key, value;
      int worst = -1;

      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          int page = GPOINTER_TO_INT (key);
          if (distance (self, page) > TD_PAGE_CACHE_AHEAD && (worst < 0 || distance (self, page) > distance (self, worst)))
            worst = page;
        }
      if (worst < 0)
        return;
      self->memory -= entry_size (g_hash_table_lookup (self->entries, GINT_TO_POINTER (worst)));
      g_hash_table_remove (self->entries, GINT_TO_POINTER (worst));
      g_mutex_lock (&self->lock);
      g_hash_table_remove (self->ready_scale, GINT_TO_POINTER (worst));
      g_mutex_unlock (&self->lock);
    }
}

static gboolean
deliver_cb (gpointer user_data)
{
  Delivery *d = user_data;
  TdPageCache *self = d->self;
  Entry *old = g_hash_table_lookup (self->entries, GINT_TO_POINTER (d->page));
  Entry *entry = g_new0 (Entry, 1);

  entry->page = d->result;
  entry->error = d->error;
  if (old)
    self->memory -= entry_size (old);
  g_hash_table_replace (self->entries, GINT_TO_POINTER (d->page), entry);
  self->memory += entry_size (entry);
  self->n_renders++;
  evict (self);
  self->peak = MAX (self->peak, self->memory);
  g_signal_emit (self, signals[PAGE_READY], 0, d->page);
  g_object_unref (self);
  g_free (d);
  return G_SOURCE_REMOVE;
}

/* The wanted page nearest to the current one that is neither rendered nor being rendered. */
static int
next_job (TdPageCache *self,
          double      *scale)
{
  int best = -1;
  GHashTableIter iter;
  gpointer key;

  *scale = self->scale;
  /* No scale yet: the view has no size, and a page drawn now would be thrown away. */
  if (self->scale <= 0)
    return -1;
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int page = GPOINTER_TO_INT (key);

      /* Left behind by the reader: not worth drawing any more. */
      if (distance (self, page) > TD_PAGE_CACHE_AHEAD)
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      if (best < 0 || distance (self, page) < distance (self, best) ||
          (distance (self, page) == distance (self, best) && page > best))
        best = page;
    }
  if (best >= 0)
    g_hash_table_remove (self->pending, GINT_TO_POINTER (best));
  return best;
}

static gpointer
worker_main (gpointer user_data)
{
  TdPageCache *self = user_data;

  g_mutex_lock (&self->lock);
  while (!self->quit)
    {
      double scale;
      int page = next_job (self, &scale);
      Delivery *d;
      cairo_surface_t *surface;

      if (page < 0)
        {
          g_cond_wait (&self->cond, &self->lock);
          continue;
        }
      g_mutex_unlock (&self->lock);

      d = g_new0 (Delivery, 1);
      d->self = g_object_ref (self);
      d->page = page;
      surface = td_pdf_document_render (self->document, page, scale, TD_PDF_MAX_PIXELS, &d->result.scale, &d->error);
      if (surface != NULL)
        {
          d->result.width = cairo_image_surface_get_width (surface);
          d->result.height = cairo_image_surface_get_height (surface);
          d->result.stride = cairo_image_surface_get_stride (surface);
          /* The helper's pixels as they are (a mapping of its memfd), not a copy: the bytes
           * keep the surface, and with it the mapping, alive. */
          d->result.pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                                         (gsize) d->result.stride * d->result.height,
                                                         (GDestroyNotify) cairo_surface_destroy, surface);
          /* Remember what was asked, so that a capped page is not drawn again and again. */
          d->result.scale = scale;
        }
      /* Always through a source, never g_main_context_invoke(): when nobody is iterating the
       * context, invoke acquires it and runs the callback here, on the worker, which would then
       * emit signals off the main thread and could drop the last reference and join itself. */
      {
        GSource *source = g_idle_source_new ();
        g_source_set_priority (source, G_PRIORITY_DEFAULT);
        g_source_set_callback (source, deliver_cb, d, NULL);
        g_source_set_static_name (source, "[thidua] page delivery");
        g_source_attach (source, self->context);
        g_source_unref (source);
      }

      g_mutex_lock (&self->lock);
      g_hash_table_insert (self->ready_scale, GINT_TO_POINTER (page), g_memdup2 (&scale, sizeof scale));
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

static void
request_window (TdPageCache *self)
{
  int n = td_pdf_document_get_n_pages (self->document);

  g_mutex_lock (&self->lock);
  for (int p = MAX (self->current - TD_PAGE_CACHE_AHEAD, 0); p <= MIN (self->current + TD_PAGE_CACHE_AHEAD, n - 1); p++)
    {
      double *done = g_hash_table_lookup (self->ready_scale, GINT_TO_POINTER (p));
      if (done == NULL || *done != self->scale)
        g_hash_table_add (self->pending, GINT_TO_POINTER (p));
    }
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

static void
td_page_cache_dispose (GObject *object)
{
  TdPageCache *self = TD_PAGE_CACHE (object);

  if (self->worker != NULL)
    {
      g_mutex_lock (&self->lock);
      self->quit = TRUE;
      g_cond_signal (&self->cond);
      g_mutex_unlock (&self->lock);
      g_thread_join (self->worker);
      self->worker = NULL;
    }
  G_OBJECT_CLASS (td_page_cache_parent_class)->dispose (object);
}

static void
td_page_cache_finalize (GObject *object)
{
  TdPageCache *self = TD_PAGE_CACHE (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->ready_scale, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->document);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  G_OBJECT_CLASS (td_page_cache_parent_class)->finalize (object);
}

static void
td_page_cache_class_init (TdPageCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = td_page_cache_dispose;
  object_class->finalize = td_page_cache_finalize;
  signals[PAGE_READY] = g_signal_new ("page-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
td_page_cache_init (TdPageCache *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) entry_free);
  self->pending = g_hash_table_new (NULL, NULL);
  self->ready_scale = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  /* Nothing is drawn until the owner says at what scale (td_page_cache_set_scale()). */
  self->scale = 0;
}

TdPageCache *
td_page_cache_new (TdPdfDocument *document,
                   gsize          budget_bytes)
{
  TdPageCache *self = g_object_new (TD_TYPE_PAGE_CACHE, NULL);

  self->document = g_object_ref (document);
  self->budget = budget_bytes;
  self->context = g_main_context_ref_thread_default ();
  /* The worker holds no reference of its own (a delivery in flight does, and drops it on the
   * main thread): dispose joins it before anything it uses goes away. */
  self->worker = g_thread_new ("thidua-render", worker_main, self);
  return self;
}

TdPdfDocument *
td_page_cache_get_document (TdPageCache *self)
{
  return self->document;
}

void
td_page_cache_set_scale (TdPageCache *self,
                         double       scale)
{
  if (scale == self->scale || !(scale > 0))
    return;
  g_mutex_lock (&self->lock);
  self->scale = scale;
  g_mutex_unlock (&self->lock);
  request_window (self);
}

double
td_page_cache_get_scale (TdPageCache *self)
{
  return self->scale;
}

void
td_page_cache_set_current (TdPageCache *self,
                           int          page)
{
  g_mutex_lock (&self->lock);
  self->current = page;
  g_mutex_unlock (&self->lock);
  request_window (self);
}

const TdRenderedPage *
td_page_cache_lookup (TdPageCache *self,
                      int          page)
{
  Entry *entry = g_hash_table_lookup (self->entries, GINT_TO_POINTER (page));

  return entry && entry->page.pixels && entry->page.scale == self->scale ? &entry->page : NULL;
}

const GError *
td_page_cache_get_error (TdPageCache *self,
                         int          page)
{
  Entry *entry = g_hash_table_lookup (self->entries, GINT_TO_POINTER (page));

  return entry ? entry->error : NULL;
}

gsize
td_page_cache_get_memory (TdPageCache *self)
{
  return self->memory;
}

gsize
td_page_cache_get_peak_memory (TdPageCache *self)
{
  return self->peak;
}

void
td_page_cache_set_budget (TdPageCache *self,
                          gsize        budget_bytes)
{
  self->budget = budget_bytes;
  evict (self);
}

/* What the machine can spare for one viewer: a 32nd of its memory (128 MB of a clerk's 4 GB
 * laptop), never less than 48 MB nor more than 256 MB. */
static gsize
machine_cap (void)
{
  long pages = sysconf (_SC_PHYS_PAGES), size = sysconf (_SC_PAGE_SIZE);
  guint64 memory = pages > 0 && size > 0 ? (guint64) pages * (guint64) size : G_GUINT64_CONSTANT (4) << 30;

  return (gsize) CLAMP (memory / 32, (guint64) 48 << 20, (guint64) 256 << 20);
}

gsize
td_page_cache_budget_for (int width,
                          int height)
{
  /* A page as wide as the view is about 1.4 times as tall as it is wide; the cache keeps the
   * page in view, the two ahead and behind it (TD_PAGE_CACHE_AHEAD) and as many again to flip
   * back without waiting: 12 such pages, and at least 24 MB for a small window. */
  guint64 page = (guint64) MAX (width, 1) * (guint64) MAX (MAX (height, width * 1.42), 1) * 4;

  return (gsize) MIN (MAX (page * 12, (guint64) 24 << 20), machine_cap ());
}

guint
td_page_cache_get_n_renders (TdPageCache *self)
{
  return self->n_renders;
}
