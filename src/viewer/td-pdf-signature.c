/* td-pdf-signature.c: signatures of an evidence PDF.
 *
 * Poppler finds the signature fields and validates each with NSS.  Revocation is never checked
 * online (the app works offline, and a review must not hang on a network timeout); whether the
 * certificate is trusted depends on this computer's NSS database, so the wording says "on this
 * computer".
 *
 * A file with bytes after a signature's signed range (changed after signing, by an incremental
 * update) is not handed to poppler's validation: it is reported as "changed after signing" from
 * its /ByteRange arrays alone.  That is right on its own, and it also keeps the first input on
 * which bench/fuzz caught poppler-glib 25.03 reading NSS memory after freeing it away from the
 * validator.  The same fault was seen afterwards on a wholly signed file once the fuzzer had
 * validated many files in one process.  That fault is inside poppler-glib, so the app does
 * not validate in its own process: td_pdf_document_get_signatures() hands the file to a
 * short-lived "thidua-cli pdf-signatures" and reads its answer, and a crash there costs one
 * "could not be checked", not the reviewer's window. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <poppler.h>

#include "td-pdf-document.h"
#include "td-pdf-signature.h"

#include <json-glib/json-glib.h>

void
td_pdf_signature_free (TdPdfSignature *signature)
{
  if (signature == NULL)
    return;
  g_free (signature->signer);
  g_clear_pointer (&signature->signed_at, g_date_time_unref);
  g_free (signature);
}

static TdSignatureState
state_from_poppler (PopplerSignatureStatus status)
{
  switch (status)
    {
    case POPPLER_SIGNATURE_VALID: return TD_SIGNATURE_VALID;
    case POPPLER_SIGNATURE_DIGEST_MISMATCH: return TD_SIGNATURE_MODIFIED;
    default: return TD_SIGNATURE_INVALID;
    }
}

static TdCertificateState
certificate_from_poppler (PopplerCertificateStatus status)
{
  switch (status)
    {
    case POPPLER_CERTIFICATE_TRUSTED: return TD_CERTIFICATE_TRUSTED;
    case POPPLER_CERTIFICATE_UNKNOWN_ISSUER: return TD_CERTIFICATE_UNKNOWN_ISSUER;
    case POPPLER_CERTIFICATE_UNTRUSTED_ISSUER: return TD_CERTIFICATE_UNTRUSTED;
    case POPPLER_CERTIFICATE_EXPIRED: return TD_CERTIFICATE_EXPIRED;
    case POPPLER_CERTIFICATE_REVOKED: return TD_CERTIFICATE_REVOKED;
    default: return TD_CERTIFICATE_NOT_CHECKED;
    }
}

/* TRUE when every /ByteRange [a b c d] in the file ends at the file's end (c + d = size).  A
 * signature dictionary kept in a compressed object stream is not seen here; poppler then
 * validates as usual. */
static gboolean
signed_to_the_end (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = data + size;
  const char *p = data;

  while (p < end && (p = memmem (p, (gsize) (end - p), "/ByteRange", 10)) != NULL)
    {
      gint64 range[4];
      char buffer[128];
      gsize n = MIN ((gsize) (end - p) - 10, sizeof buffer - 1);
      char *q = buffer;

      memcpy (buffer, p + 10, n);
      buffer[n] = '\0';
      p += 10;
      while (*q == ' ' || *q == '\r' || *q == '\n' || *q == '\t')
        q++;
      if (*q++ != '[')
        continue;
      for (int i = 0; i < 4; i++)
        {
          char *after;
          range[i] = g_ascii_strtoll (q, &after, 10);
          if (after == q)
            return FALSE;
          q = after;
        }
      /* Added as unsigned numbers: two huge offsets must not overflow into the file's size. */
      if (range[2] < 0 || range[3] < 0 || (guint64) range[2] > size || (guint64) range[3] > size ||
          (guint64) range[2] + (guint64) range[3] != size)
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
td_pdf_validate_signatures (GBytes *bytes)
{
  GPtrArray *signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) td_pdf_signature_free);
  g_autoptr(GInputStream) stream = NULL;
  PopplerDocument *doc;
  GList *fields;
  gboolean whole;

  if (!td_pdf_sniff (bytes, NULL))
    return signatures;
  /* In this process: only thidua-cli pdf-signatures, itself the app's helper, calls this. */
  stream = g_memory_input_stream_new_from_bytes (bytes);
  doc = poppler_document_new_from_stream (stream, (goffset) g_bytes_get_size (bytes), NULL, NULL, NULL);
  if (doc == NULL)
    return signatures;
  whole = signed_to_the_end (bytes);
  fields = poppler_document_get_n_signatures (doc) > 0 ? poppler_document_get_signature_fields (doc) : NULL;
  if (!whole)
    {
      for (GList *l = fields; l != NULL; l = l->next)
        {
          TdPdfSignature *signature = g_new0 (TdPdfSignature, 1);

          signature->signer = g_strdup ("");
          signature->state = TD_SIGNATURE_MODIFIED;
          signature->certificate = TD_CERTIFICATE_NOT_CHECKED;
          g_ptr_array_add (signatures, signature);
        }
      g_list_free_full (fields, g_object_unref);
      g_object_unref (doc);
      return signatures;
    }

  for (GList *l = fields; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;
      PopplerSignatureInfo *info;
      TdPdfSignature *signature = g_new0 (TdPdfSignature, 1);

      info = poppler_form_field_signature_validate_sync (l->data,
                                                         POPPLER_SIGNATURE_VALIDATION_FLAG_VALIDATE_CERTIFICATE |
                                                         POPPLER_SIGNATURE_VALIDATION_FLAG_WITHOUT_OCSP_REVOCATION_CHECK,
                                                         NULL, &error);
      if (info == NULL)
        {
          signature->signer = g_strdup ("");
          signature->state = TD_SIGNATURE_INVALID;
          signature->certificate = TD_CERTIFICATE_NOT_CHECKED;
        }
      else
        {
          GDateTime *at = poppler_signature_info_get_local_signing_time (info);

          signature->signer = g_strdup (poppler_signature_info_get_signer_name (info) ?: "");
          signature->signed_at = at ? g_date_time_ref (at) : NULL;
          signature->state = state_from_poppler (poppler_signature_info_get_signature_status (info));
          signature->certificate = certificate_from_poppler (poppler_signature_info_get_certificate_status (info));
          poppler_signature_info_free (info);
        }
      g_ptr_array_add (signatures, signature);
    }
  g_list_free_full (fields, g_object_unref);
  g_object_unref (doc);
  return signatures;
}

char *
td_pdf_signature_describe (const TdPdfSignature *signature)
{
  const char *state, *certificate;
  g_autofree char *when = signature->signed_at ? g_date_time_format (signature->signed_at, "%d/%m/%Y %H:%M") : NULL;
  g_autofree char *who = NULL;

  switch (signature->state)
    {
    case TD_SIGNATURE_VALID: state = _("the signature is valid"); break;
    case TD_SIGNATURE_MODIFIED: state = _("the document was changed after it was signed"); break;
    case TD_SIGNATURE_UNCHECKED: state = _("the signature could not be checked"); break;
    default: state = _("the signature is not valid"); break;
    }
  switch (signature->certificate)
    {
    case TD_CERTIFICATE_TRUSTED: certificate = _("the certificate is trusted"); break;
    case TD_CERTIFICATE_UNKNOWN_ISSUER: certificate = _("the certificate's issuer is not trusted on this computer"); break;
    case TD_CERTIFICATE_UNTRUSTED: certificate = _("the certificate's issuer is marked as not trusted"); break;
    case TD_CERTIFICATE_EXPIRED: certificate = _("the certificate was not valid at the signing time"); break;
    case TD_CERTIFICATE_REVOKED: certificate = _("the certificate has been revoked"); break;
    default: certificate = _("the certificate could not be checked"); break;
    }
  who = *signature->signer ? g_strdup (signature->signer) : g_strdup (_("an unknown signer"));
  if (when)
    /* Translators: "Signed by NAME on DATE TIME: STATE, CERTIFICATE" */
    return g_strdup_printf (_("Signed by %s on %s: %s, %s"), who, when, state, certificate);
  /* Translators: "Signed by NAME: STATE, CERTIFICATE" */
  return g_strdup_printf (_("Signed by %s: %s, %s"), who, state, certificate);
}

/* ---- validation in a helper process ---- */

static const char * const state_names[] = { "valid", "modified", "invalid", "unchecked" };
static const char * const certificate_names[] = { "trusted", "unknown-issuer", "untrusted", "expired", "revoked",
                                                  "not-checked" };

static int
index_of (const char * const *names,
          guint               n,
          const char         *name,
          int                 fallback)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return (int) i;
  return fallback;
}

char *
td_pdf_signatures_to_json (GPtrArray *signatures)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < signatures->len; i++)
    {
      TdPdfSignature *s = signatures->pdata[i];
      g_autofree char *at = s->signed_at ? g_date_time_format_iso8601 (s->signed_at) : NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "signer");
      json_builder_add_string_value (b, s->signer);
      json_builder_set_member_name (b, "signed_at");
      if (at)
        json_builder_add_string_value (b, at);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, state_names[s->state]);
      json_builder_set_member_name (b, "certificate");
      json_builder_add_string_value (b, certificate_names[s->certificate]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static GPtrArray *
from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *out;
  JsonArray *array;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return NULL;
  array = json_node_get_array (json_parser_get_root (parser));
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_pdf_signature_free);
  for (guint i = 0; i < json_array_get_length (array) && i < 64; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      TdPdfSignature *s = g_new0 (TdPdfSignature, 1);
      const char *at = o ? json_object_get_string_member_with_default (o, "signed_at", NULL) : NULL;

      s->signer = g_strdup (o ? json_object_get_string_member_with_default (o, "signer", "") : "");
      s->signed_at = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
      s->state = index_of (state_names, G_N_ELEMENTS (state_names),
                           o ? json_object_get_string_member_with_default (o, "state", NULL) : NULL,
                           TD_SIGNATURE_UNCHECKED);
      s->certificate = index_of (certificate_names, G_N_ELEMENTS (certificate_names),
                                 o ? json_object_get_string_member_with_default (o, "certificate", NULL) : NULL,
                                 TD_CERTIFICATE_NOT_CHECKED);
      g_ptr_array_add (out, s);
    }
  return out;
}

static char *
helper_path (void)
{
  const char *env = g_getenv ("THIDUA_CLI");
  g_autofree char *installed = g_build_filename (BINDIR, "thidua-cli", NULL);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);
  return g_find_program_in_path ("thidua-cli");
}

/* Every field "could not be checked": what a reviewer sees when the helper fails. */
static GPtrArray *
unchecked (int n)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_pdf_signature_free);

  for (int i = 0; i < n; i++)
    {
      TdPdfSignature *s = g_new0 (TdPdfSignature, 1);
      s->signer = g_strdup ("");
      s->state = TD_SIGNATURE_UNCHECKED;
      s->certificate = TD_CERTIFICATE_NOT_CHECKED;
      g_ptr_array_add (out, s);
    }
  return out;
}

GPtrArray *
td_pdf_document_get_signatures (TdPdfDocument *document)
{
  g_autofree char *helper = helper_path ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *result;
  /* Counted by the PDF helper when it opened the file. */
  int n = td_pdf_document_get_n_signatures (document);

  if (n <= 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) td_pdf_signature_free);
  if (helper == NULL)
    {
      g_debug ("thidua-cli not found: the signatures are not checked");
      return unchecked (n);
    }

  /* The fault seen in poppler-glib is a race between threads: a helper that dies of it is
   * tried once more before the signature is called unchecked. */
  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_clear_object (&proc);
      g_clear_pointer (&out, g_bytes_unref);
      g_clear_error (&error);
      proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, helper, "pdf-signatures", "--json", "-", NULL);
      if (proc == NULL)
        {
          g_debug ("Cannot start %s: %s", helper, error->message);
          return unchecked (n);
        }
      /* The helper stops itself after a minute (alarm), so this wait is bounded. */
      g_subprocess_communicate (proc, td_pdf_document_get_bytes (document), NULL, &out, NULL, &error);
      if (out != NULL && g_subprocess_get_if_exited (proc) && g_subprocess_get_exit_status (proc) == 0)
        break;
      g_debug ("The signature helper failed (%s)", error ? error->message
                                                          : g_subprocess_get_if_signaled (proc) ? g_strsignal (g_subprocess_get_term_sig (proc))
                                                                                                 : "it refused the file");
      if (!g_subprocess_get_if_signaled (proc))
        return unchecked (n);
    }
  if (out == NULL || !g_subprocess_get_if_exited (proc) || g_subprocess_get_exit_status (proc) != 0)
    return unchecked (n);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
    result = from_json (text);
  }
  return result ? result : unchecked (n);
}

typedef struct {
  TdPdfDocument *document;
  char          *helper;
  int            attempt;
} SignaturesJob;

static void
signatures_job_free (SignaturesJob *job)
{
  g_object_unref (job->document);
  g_free (job->helper);
  g_free (job);
}

static void start_signature_helper (GTask *task);

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GSubprocess *proc = G_SUBPROCESS (source);
  SignaturesJob *job = g_task_get_task_data (task);
  int n = td_pdf_document_get_n_signatures (job->document);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *signatures = NULL;

  if (!g_subprocess_communicate_finish (proc, result, &out, NULL, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (out != NULL && g_subprocess_get_if_exited (proc) && g_subprocess_get_exit_status (proc) == 0)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
      signatures = from_json (text);
    }
  else if (g_subprocess_get_if_signaled (proc) && ++job->attempt < 2)
    {
      /* The fault seen in poppler-glib is a race between threads: once more. */
      start_signature_helper (g_steal_pointer (&task));
      return;
    }
  g_task_return_pointer (task, signatures ? signatures : unchecked (n), (GDestroyNotify) g_ptr_array_unref);
}

static void
start_signature_helper (GTask *task)
{
  SignaturesJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                  G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                                  job->helper, "pdf-signatures", "--json", "-", NULL);

  if (proc == NULL)
    {
      g_debug ("Cannot start %s: %s", job->helper, error->message);
      g_task_return_pointer (task, unchecked (td_pdf_document_get_n_signatures (job->document)),
                             (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  /* The helper stops itself after a minute (alarm), so this is bounded too. */
  g_subprocess_communicate_async (proc, td_pdf_document_get_bytes (job->document), g_task_get_cancellable (task),
                                  communicated_cb, task);
}

void
td_pdf_document_get_signatures_async (TdPdfDocument       *document,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  SignaturesJob *job = g_new0 (SignaturesJob, 1);
  int n = td_pdf_document_get_n_signatures (document);

  job->document = g_object_ref (document);
  job->helper = helper_path ();
  g_task_set_source_tag (task, td_pdf_document_get_signatures_async);
  g_task_set_task_data (task, job, (GDestroyNotify) signatures_job_free);
  if (n <= 0 || job->helper == NULL)
    {
      g_task_return_pointer (task, n <= 0 ? g_ptr_array_new_with_free_func ((GDestroyNotify) td_pdf_signature_free)
                                          : unchecked (n),
                             (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  start_signature_helper (task);
}

GPtrArray *
td_pdf_document_get_signatures_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
