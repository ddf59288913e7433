/* td-certificate-private.h: a loaded certificate template, shared by the loader
 * (td-certificate.c) and the drawing (td-certificate-render.c). */
#pragma once

#include "td-certificate.h"
#include "td-doc-text.h"

G_BEGIN_DECLS

typedef struct {
  char           *name;
  char           *text;
  double          x, y, width, height;   /* mm */
  double          size, min_size;        /* points */
  TdDocStyle      style;
  double          rgb[3];
  PangoAlignment  align;
  int             valign;                /* -1 top, 0 middle, 1 bottom */
  int             max_lines;
} Field;

struct _TdCertificateTemplate {
  char      *title;
  double     width, height;
  gboolean   preprinted;
  gboolean   has_border;
  double     border_inset, border_width;
  double     border_rgb[3], accent_rgb[3];
  gboolean   has_emblem;
  double     emblem[4];
  GPtrArray *fields;
};

G_END_DECLS
