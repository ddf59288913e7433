/* td-doc-breaks.c: grouping the syllables of an issuing body's name, and breaking it between
 * the groups.
 *
 * The words below are the ones the names of Vietnamese public bodies, associations and
 * enterprises are made of; a run of syllables none of them knows is a proper name ("ĐÔNG HỒ",
 * "QUAN HỌ") and is kept whole as well. */

#include "config.h"

#include "td-doc-breaks.h"

/* Several syllables read as one word; the longest match wins ("ỦY BAN NHÂN DÂN" before "ỦY BAN"). */
static const char * const compounds[] = {
  "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "HÀNH CHÍNH CÔNG", "KHU CÔNG NGHIỆP", "HỒ CHÍ MINH",
  "CỰU CHIẾN BINH", "BỘ CHỈ HUY", "CHUYỂN ĐỔI SỐ", "CÔNG NGHỆ SỐ", "MẶT TRẬN TỔ QUỐC", "THANH THIẾU NIÊN",
  "TRÁCH NHIỆM HỮU HẠN", "MỘT THÀNH VIÊN", "THƯƠNG BINH VÀ XÃ HỘI", "PHÒNG CHÁY CHỮA CHÁY",
  "ỦY BAN", "NHÂN DÂN", "KHOA HỌC", "CÔNG NGHỆ", "CÔNG THƯƠNG", "GIÁO DỤC", "ĐÀO TẠO", "NÔNG NGHIỆP",
  "MÔI TRƯỜNG", "NỘI VỤ", "TÀI CHÍNH", "XÂY DỰNG", "Y TẾ", "VĂN HÓA", "VĂN HOÁ", "THỂ THAO", "DU LỊCH",
  "TƯ PHÁP", "THANH TRA", "NGOẠI VỤ", "DÂN TỘC", "TÔN GIÁO", "VĂN PHÒNG", "HỘI ĐỒNG", "THANH NIÊN",
  "CỘNG SẢN", "CÔNG AN", "QUÂN SỰ", "QUẢN LÝ", "CÔNG NGHIỆP", "TRUNG TÂM", "PHỤC VỤ", "HÀNH CHÍNH",
  "CÔNG TY", "CỔ PHẦN", "TRÁCH NHIỆM", "HỮU HẠN", "PHẦN MỀM", "DỮ LIỆU", "CHUYỂN ĐỔI", "KỸ THUẬT",
  "THÔNG TIN", "TRUYỀN THÔNG", "LIÊN ĐOÀN", "LAO ĐỘNG", "PHỤ NỮ", "MẶT TRẬN", "TỔ QUỐC", "VIỆT NAM",
  "NÔNG DÂN", "KẾ HOẠCH", "ĐẦU TƯ", "GIAO THÔNG", "VẬN TẢI", "TÀI NGUYÊN", "THƯƠNG BINH", "XÃ HỘI",
  "BẢO HIỂM", "NGÂN HÀNG", "CHÍNH SÁCH", "KHO BẠC", "NHÀ NƯỚC", "ĐIỆN LỰC", "VIỄN THÔNG", "BƯU ĐIỆN",
  "ĐẠI HỌC", "CAO ĐẲNG", "BỆNH VIỆN", "ĐA KHOA", "PHÁT TRIỂN", "ĐÔ THỊ", "CÔNG ĐOÀN", "KIỂM TRA",
  "TUYÊN GIÁO", "DÂN VẬN", "TỔ CHỨC", "CHỈ HUY", "BIÊN PHÒNG", "SẢN XUẤT", "THƯƠNG MẠI", "DỊCH VỤ",
  "GIẢI PHÁP", "HẠ TẦNG", "CỘNG ĐỒNG", "ĐỔI MỚI", "SÁNG TẠO", "HỢP TÁC", "XUẤT NHẬP KHẨU", "XUẤT KHẨU",
  "NHẬP KHẨU", "ĐIỆN TỬ", "TRUYỀN HÌNH", "PHÁT THANH", "BÁO CHÍ", "HỌC VIỆN", "TRƯỜNG HỌC", "CHÍNH TRỊ",
  "NGHIÊN CỨU", "ỨNG DỤNG", "TIẾN BỘ", "TIÊU CHUẨN", "ĐO LƯỜNG", "CHẤT LƯỢNG", "THUẾ VỤ", "HẢI QUAN",
  "THỐNG KÊ", "KIỂM SÁT", "TÒA ÁN", "THI HÀNH", "ÁN DÂN SỰ", "DÂN SỰ", "CHI NHÁNH", "TẬP ĐOÀN",
  "TỔNG CÔNG TY", "TỔNG HỢP", "ĐIỀU HÀNH", "THÔNG MINH", "AN NINH", "MẠNG", "PHÒNG", "ĐOÀN THỂ",
  "KHUYẾN NÔNG", "THỦY LỢI", "LÂM NGHIỆP", "THỦY SẢN", "HÀNG KHÔNG", "ĐƯỜNG SẮT", "CẤP NƯỚC",
  "THOÁT NƯỚC", "NHÀ Ở", "BẤT ĐỘNG SẢN", "ĐỊA CHÍNH", "KHOÁNG SẢN", "GIA ĐÌNH", "TRẺ EM", "BÌNH ĐẲNG",
  "GIỚI", "HỘI NÔNG DÂN", "HỘI LIÊN HIỆP", "LIÊN HIỆP", "HỘI CỰU CHIẾN BINH", "VÀ ĐÀO TẠO",
};

/* Words of one syllable that stand alone and are not part of a proper name. */
static const char * const singles[] = {
  "SỞ", "BAN", "HỘI", "SỐ", "CÁC", "TỔ", "CỤC", "VIỆN", "ĐOÀN", "CHI", "TRƯỜNG", "KHU", "BỘ", "NHÀ",
  "TRẠM", "ĐỘI", "BAN", "CÔNG", "TNHH", "CP", "MTV", "JSC", "LIÊN", "TỔNG", "PHÒNG", "TRUNG", "ỦY",
};

/* Kinds of place: the place's name follows and goes with them. */
static const char * const places[] = {
  "THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "ĐẶC KHU", "TỈNH", "XÃ", "PHƯỜNG", "HUYỆN", "QUẬN", "THÔN", "XÓM",
  "ẤP", "BẢN", "TỔ DÂN PHỐ",
};

/* Words a line is best broken before. */
static const char * const connectors[] = { "VÀ", "CỦA", "VỀ", "THUỘC", "TẠI" };

/* Upper case without the punctuation around it, for comparing. */
static char *
key_of (const char *word)
{
  g_autofree char *upper = g_utf8_strup (word, -1);
  g_autofree char *nfc = g_utf8_normalize (upper, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);

  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ispunct (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* How many of @keys from @start a phrase of @table matches, the longest; 0 if none. */
static guint
match (char              **keys,
       guint               start,
       guint               n,
       const char * const *table,
       guint               table_len)
{
  guint best = 0;

  for (guint t = 0; t < table_len; t++)
    {
      g_auto(GStrv) words = g_strsplit (table[t], " ", -1);
      guint len = g_strv_length (words), i;

      if (len <= best || start + len > n)
        continue;
      for (i = 0; i < len && g_str_equal (keys[start + i], words[i]); i++)
        ;
      if (i == len)
        best = len;
    }
  return best;
}

static gboolean
is_one_of (const char         *key,
           const char * const *table,
           guint               table_len)
{
  for (guint t = 0; t < table_len; t++)
    if (g_str_equal (key, table[t]))
      return TRUE;
  return FALSE;
}

/* Neither a known word, nor a connector, nor a kind of place: part of a proper name. */
static gboolean
is_unknown (char  **keys,
            guint   i,
            guint   n)
{
  return match (keys, i, n, compounds, G_N_ELEMENTS (compounds)) == 0 &&
         match (keys, i, n, places, G_N_ELEMENTS (places)) == 0 &&
         !is_one_of (keys[i], singles, G_N_ELEMENTS (singles)) &&
         !is_one_of (keys[i], connectors, G_N_ELEMENTS (connectors));
}

GStrv
td_doc_name_groups (const char *line)
{
  g_auto(GStrv) raw = g_strsplit_set (line ? line : "", " \t", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_auto(GStrv) tokens = NULL;
  g_auto(GStrv) keys = NULL;
  guint n, i = 0;

  for (guint r = 0; raw[r]; r++)
    if (*raw[r] != '\0')
      g_strv_builder_add (words, raw[r]);
  tokens = g_strv_builder_end (words);
  n = g_strv_length (tokens);
  keys = g_new0 (char *, n + 1);
  for (guint k = 0; k < n; k++)
    keys[k] = key_of (tokens[k]);

  while (i < n)
    {
      guint len = match (keys, i, n, compounds, G_N_ELEMENTS (compounds));
      guint place = match (keys, i, n, places, G_N_ELEMENTS (places));
      g_autofree char *joined = NULL;

      /* "XÃ HỘI" is a word; "XÃ TIÊN DU" a place: the longer reading wins. */
      if (place > 0 && place >= len && i + place < n)
        {
          /* The kind of place and the name after it, up to a connector. */
          len = place;
          while (i + len < n && !is_one_of (keys[i + len], connectors, G_N_ELEMENTS (connectors)) &&
                 (is_unknown (keys, i + len, n) || len < place + 1))
            len++;
        }
      else if (len == 0 && is_unknown (keys, i, n))
        for (len = 1; i + len < n && is_unknown (keys, i + len, n); len++)
          ;
      if (len == 0)
        len = 1;
      /* A comma ends a group: "VĂN HÓA, / THỂ THAO". */
      for (guint k = 0; k + 1 < len; k++)
        if (g_str_has_suffix (tokens[i + k], ","))
          {
            len = k + 1;
            break;
          }
      {
        char *saved = tokens[i + len];
        tokens[i + len] = NULL;
        joined = g_strjoinv (" ", tokens + i);
        tokens[i + len] = saved;
      }
      g_strv_builder_add (out, joined);
      i += len;
    }
  return g_strv_builder_end (out);
}

static double
measure (PangoContext *context,
         const char   *family,
         double        size,
         TdDocStyle    style,
         const char   *text)
{
  g_autoptr(PangoLayout) layout = td_doc_layout (context, family, size, style, -1, PANGO_ALIGN_LEFT, text);

  return td_doc_layout_width (layout);
}

/* What a break before group @j costs: nothing before "VÀ" or a place, or after a comma; more
 * after a lone head word ("SỞ / KHOA HỌC…"). */
static double
break_cost (GStrv groups,
            guint j,
            guint line_start)
{
  g_autofree char *key = key_of (groups[j]);
  g_auto(GStrv) first = g_strsplit (key, " ", 2);

  if (g_str_has_suffix (groups[j - 1], ","))
    return 0;
  if (is_one_of (first[0], connectors, G_N_ELEMENTS (connectors)))
    return 0;
  for (guint p = 0; p < G_N_ELEMENTS (places); p++)
    if (g_str_has_prefix (key, places[p]) && (key[strlen (places[p])] == ' ' || key[strlen (places[p])] == '\0'))
      return 5;
  if (j == line_start + 1 && strchr (groups[j - 1], ' ') == NULL)
    return 300;
  return 100;
}

static void
break_line (GString      *out,
            PangoContext *context,
            const char   *family,
            double        size,
            TdDocStyle    style,
            double        width,
            const char   *line)
{
  g_auto(GStrv) groups = td_doc_name_groups (line);
  guint m = g_strv_length (groups);
  g_autofree double *best = NULL;
  g_autofree guint *from = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  if (m == 0 || measure (context, family, size, style, line) <= width)
    {
      g_string_append (out, line);
      return;
    }
  /* best[k]: the least cost of setting groups 0..k-1; lines that do not fit cost a lot, so
   * they are chosen only when one group alone is too wide. */
  best = g_new (double, m + 1);
  from = g_new0 (guint, m + 1);
  best[0] = 0;
  for (guint k = 1; k <= m; k++)
    {
      best[k] = G_MAXDOUBLE;
      for (guint s = 0; s < k; s++)
        {
          char *saved = groups[k];
          g_autofree char *text = NULL;
          double w, slack, cost;

          groups[k] = NULL;
          text = g_strjoinv (" ", groups + s);
          groups[k] = saved;
          w = measure (context, family, size, style, text);
          slack = (width - w) / width;
          cost = best[s] + 10000 + (w > width ? 1e6 * (k - s) : 100 * slack * slack) +
                 (s > 0 ? break_cost (groups, s, from[s]) : 0);
          if (cost < best[k])
            {
              best[k] = cost;
              from[k] = s;
            }
        }
    }
  lines = g_ptr_array_new_with_free_func (g_free);
  for (guint k = m; k > 0; k = from[k])
    {
      char *saved = groups[k];
      groups[k] = NULL;
      g_ptr_array_insert (lines, 0, g_strjoinv (" ", groups + from[k]));
      groups[k] = saved;
    }
  /* A line still too wide holds one group alone; pango wraps it between its syllables, never
   * inside one. */
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "\n" : "", (const char *) lines->pdata[i]);
}

char *
td_doc_break_name (PangoContext *context,
                   const char   *family,
                   double        size,
                   TdDocStyle    style,
                   double        width,
                   const char   *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      break_line (out, context, family, size, style, width, g_strstrip (lines[i]));
    }
  return g_string_free (out, FALSE);
}
