/* The word pass of store.facts.words.TextWords in one loop over the text (optional build).
 *
 * scan(text, cache, gap_kinds, first_gap, norm, stem, live) gives exactly what the Python
 * twin store.facts.words._scan gives: (words, starts, ends, gaps, norms, stems, live, digits).
 * The words are the runs of [\w\u064b-\u065f\u0670\u0640\u200c\u200d] (\w as re has it
 * for str: alphanumeric or "_"), each looked up in ``cache`` (a dict subclass whose
 * __missing__ analyses a new word); ``starts`` ends with the text's length. The gap before
 * each word is looked up in ``gap_kinds``, except a single space (SPACE, 0) and the text's
 * first gap, which is ``first_gap``. ``norms`` holds item ``norm`` of each word, ``stems``
 * the non-empty items ``stem`` and ``live`` the positions of the words whose item ``live``
 * is true: taken while each word is at hand rather than in later passes over the list.
 * ``digits`` holds the (start, end) of each run of the digits 0-9 and ٠-٩ (always inside
 * words), where dates are looked for.
 *
 * Words met before are found in a table of this module's own (see "The word table" below)
 * before ``cache`` is asked: that lookup touches one cache line and makes no substring, where
 * the dict lookup of a new substring touches four or five scattered ones (the lookups were a
 * fifth of an import worker's CPU; with the table the workers use about 9 % less).
 *
 * setup.py builds this with the mypyc extensions; store/facts/words.py falls back to the
 * Python twin when it is absent. tests/test_wordscan.py compiles it and checks both agree.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static inline int
is_digit(Py_UCS4 ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 0x0660 && ch <= 0x0669);
}

/* Append a new reference to list and drop it; -1 on error. */
static int
append_new(PyObject *list, PyObject *item)
{
    if (item == NULL)
        return -1;
    int failed = PyList_Append(list, item);
    Py_DECREF(item);
    return failed;
}

/* Append (start, end) to list; -1 on error. */
static int
append_span(PyObject *list, Py_ssize_t start, Py_ssize_t end)
{
    return append_new(list, Py_BuildValue("(nn)", start, end));
}

/* Offsets below this are kept as int objects made once: each word needs two or three
 * (start, end, its position), and making and freeing them was a tenth of the scan. */
#define KEPT_INTS 65536
static PyObject *kept_ints[KEPT_INTS];

/* A new reference to the int ``value`` (NULL on error). */
static PyObject *
offset_int(Py_ssize_t value)
{
    if (value < 0 || value >= KEPT_INTS)
        return PyLong_FromSsize_t(value);
    PyObject *kept = kept_ints[value];
    if (kept == NULL) {
        kept = PyLong_FromSsize_t(value);
        if (kept == NULL)
            return NULL;
        kept_ints[value] = kept;
    }
    return Py_NewRef(kept);
}

static inline int
is_word_char(Py_UCS4 ch)
{
    if (ch < 128)
        return Py_ISALNUM(ch) || ch == '_';
    if (ch >= 0x0621 && ch <= 0x065f) /* Arabic letters, tatweel (alphabetic) and harakat */
        return 1;
    if (ch == 0x0670 || ch == 0x200c || ch == 0x200d)
        return 1;
    return Py_UNICODE_ISALNUM(ch);
}

/* The word table: surface word (its UTF-16 code units, up to INLINE_CHARS) -> the cache's
 * word with its norm, stem and live items, in one 64-byte slot. It holds the words of one
 * cache (and one set of item indexes) at a time, on the contract that a cache maps a surface
 * to equal values for as long as it lives (entries may be dropped, never changed): scanning
 * with another cache or other indexes empties it, and so does filling half of it. Longer
 * words and words with astral characters are looked up in the cache only. */
#define INLINE_CHARS 14
#define TABLE_BITS 18
#define TABLE_SIZE ((size_t)1 << TABLE_BITS)
#define TABLE_MAX_FILLED (TABLE_SIZE / 2)

typedef struct {
    uint32_t check; /* the hash's high half */
    uint8_t length; /* 0: an empty slot */
    uint8_t live;
    uint8_t has_stem;
    Py_UCS2 chars[INLINE_CHARS];
    PyObject *word, *norm, *stem; /* strong references */
} Slot;
_Static_assert(sizeof(Slot) == 64, "a slot is one cache line");

static Slot *table;
static size_t filled;
static PyObject *table_cache; /* strong reference: its address cannot be reused while held */
static Py_ssize_t table_indexes[3];

static void
table_clear(void)
{
    if (table != NULL && filled > 0) {
        for (size_t k = 0; k < TABLE_SIZE; k++) {
            Slot *slot = &table[k];
            if (slot->length) {
                Py_DECREF(slot->word);
                Py_DECREF(slot->norm);
                Py_DECREF(slot->stem);
            }
        }
        memset(table, 0, TABLE_SIZE * sizeof(Slot));
    }
    filled = 0;
}

static inline int
table_serves(PyObject *cache, Py_ssize_t norm_at, Py_ssize_t stem_at, Py_ssize_t live_at)
{
    return cache == table_cache && norm_at == table_indexes[0] && stem_at == table_indexes[1]
           && live_at == table_indexes[2];
}

/* Make the table serve ``cache`` with these item indexes (emptying it for another); -1 on error. */
static int
table_target(PyObject *cache, Py_ssize_t norm_at, Py_ssize_t stem_at, Py_ssize_t live_at)
{
    if (table == NULL) {
        table = PyMem_Calloc(TABLE_SIZE, sizeof(Slot));
        if (table == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    if (!table_serves(cache, norm_at, stem_at, live_at)) {
        table_clear();
        Py_XSETREF(table_cache, Py_NewRef(cache));
        table_indexes[0] = norm_at;
        table_indexes[1] = stem_at;
        table_indexes[2] = live_at;
    }
    return 0;
}

static inline size_t
slot_index(uint64_t hash)
{
    return (size_t)(hash ^ (hash >> 29)) & (TABLE_SIZE - 1);
}

/* The slot holding the word of text[start:end] (hash ``hash``), or the empty slot where it
 * belongs. */
static Slot *
table_probe(int kind, const void *data, Py_ssize_t start, Py_ssize_t end, uint64_t hash)
{
    uint32_t check = (uint32_t)(hash >> 32);
    uint8_t length = (uint8_t)(end - start);
    for (size_t k = slot_index(hash);; k = (k + 1) & (TABLE_SIZE - 1)) {
        Slot *slot = &table[k];
        if (slot->length == 0)
            return slot;
        if (slot->check != check || slot->length != length)
            continue;
        Py_ssize_t j = 0;
        if (kind == PyUnicode_2BYTE_KIND) {
            if (memcmp(slot->chars, (const Py_UCS2 *)data + start, length * sizeof(Py_UCS2)) == 0)
                return slot;
            continue;
        }
        while (j < length && slot->chars[j] == PyUnicode_READ(kind, data, start + j))
            j++;
        if (j == length)
            return slot;
    }
}

/* Remember ``word`` (a tuple checked by the caller) for text[start:end]; -1 on error. */
static int
table_add(PyObject *word, int kind, const void *data, Py_ssize_t start, Py_ssize_t end, uint64_t hash)
{
    if (filled >= TABLE_MAX_FILLED)
        table_clear();
    Slot *slot = table_probe(kind, data, start, end, hash);
    if (slot->length)
        return 0; /* (there already) */
    PyObject *norm = PyTuple_GET_ITEM(word, table_indexes[0]);
    PyObject *stem = PyTuple_GET_ITEM(word, table_indexes[1]);
    int live = PyObject_IsTrue(PyTuple_GET_ITEM(word, table_indexes[2]));
    int has_stem = PyObject_IsTrue(stem);
    if (live < 0 || has_stem < 0)
        return -1;
    slot->check = (uint32_t)(hash >> 32);
    slot->length = (uint8_t)(end - start);
    slot->live = (uint8_t)live;
    slot->has_stem = (uint8_t)has_stem;
    for (Py_ssize_t j = start; j < end; j++)
        slot->chars[j - start] = (Py_UCS2)PyUnicode_READ(kind, data, j);
    slot->word = Py_NewRef(word);
    slot->norm = Py_NewRef(norm);
    slot->stem = Py_NewRef(stem);
    filled++;
    return 0;
}

/* The word of text[start:end] from the cache (a new reference, checked to be a tuple with an
 * item ``most``, the largest index read; NULL with an exception set otherwise). */
static PyObject *
cached_word(PyObject *text, PyObject *cache, Py_ssize_t start, Py_ssize_t end, Py_ssize_t most)
{
    PyObject *surface = PyUnicode_Substring(text, start, end);
    if (surface == NULL)
        return NULL;
    PyObject *word = PyDict_GetItemWithError(cache, surface); /* borrowed */
    if (word != NULL) {
        Py_INCREF(word);
    } else if (!PyErr_Occurred()) {
        word = PyObject_GetItem(cache, surface); /* the cache's __missing__ analyses it */
    }
    Py_DECREF(surface);
    if (word == NULL)
        return NULL;
    if (!PyTuple_Check(word) || PyTuple_GET_SIZE(word) <= most) {
        Py_DECREF(word);
        PyErr_SetString(PyExc_TypeError, "scan: the cache must hold tuples longer than the indexes");
        return NULL;
    }
    return word;
}

static PyObject *
scan(PyObject *self, PyObject *args)
{
    PyObject *text, *cache, *gap_kinds, *first_gap;
    Py_ssize_t norm_at, stem_at, live_at;
    if (!PyArg_ParseTuple(args, "UO!OOnnn", &text, &PyDict_Type, &cache, &gap_kinds, &first_gap, &norm_at,
                          &stem_at, &live_at))
        return NULL;
    if (norm_at < 0 || stem_at < 0 || live_at < 0) {
        PyErr_SetString(PyExc_TypeError, "scan: the item indexes must not be negative");
        return NULL;
    }
    if (table_target(cache, norm_at, stem_at, live_at) < 0)
        return NULL;
    Py_ssize_t most = Py_MAX(norm_at, Py_MAX(stem_at, live_at));
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    PyObject *words = PyList_New(0), *starts = PyList_New(0), *ends = PyList_New(0), *gaps = PyList_New(0);
    PyObject *norms = PyList_New(0), *stems = PyList_New(0), *live = PyList_New(0), *digits = PyList_New(0);
    PyObject *space = PyLong_FromLong(0);
    if (!words || !starts || !ends || !gaps || !norms || !stems || !live || !digits || !space)
        goto error;
    Py_ssize_t i = 0, previous_end = 0;
    while (i < length) {
        if (!is_word_char(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t start = i, digits_from = -1;
        uint64_t hash = 14695981039346656037ULL; /* FNV-1a over the code points */
        Py_UCS4 widest = 0;
        for (; i < length; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (!is_word_char(ch))
                break;
            hash = (hash ^ ch) * 1099511628211ULL;
            widest |= ch;
            if (is_digit(ch)) {
                if (digits_from < 0)
                    digits_from = i;
            } else if (digits_from >= 0) {
                if (append_span(digits, digits_from, i) < 0)
                    goto error;
                digits_from = -1;
            }
        }
        if (digits_from >= 0 && append_span(digits, digits_from, i) < 0)
            goto error;
        /* the gap before the word */
        PyObject *gap_kind;
        if (PyList_GET_SIZE(words) == 0) {
            gap_kind = Py_NewRef(first_gap);
        } else if (start - previous_end == 1 && PyUnicode_READ(kind, data, previous_end) == ' ') {
            gap_kind = Py_NewRef(space);
        } else {
            PyObject *gap = PyUnicode_Substring(text, previous_end, start);
            if (gap == NULL)
                goto error;
            gap_kind = PyObject_GetItem(gap_kinds, gap);
            Py_DECREF(gap);
        }
        if (append_new(gaps, gap_kind) < 0)
            goto error;
        /* the word: from the table, else through the cache (which analyses a new word) */
        int tabled = i - start <= INLINE_CHARS && widest <= 0xFFFF;
        Slot *slot = tabled ? table_probe(kind, data, start, i, hash) : NULL;
        PyObject *word, *norm, *stem;
        int is_live, has_stem;
        if (slot != NULL && slot->length) {
            word = Py_NewRef(slot->word);
            norm = slot->norm;
            stem = slot->stem;
            is_live = slot->live;
            has_stem = slot->has_stem;
        } else {
            word = cached_word(text, cache, start, i, most);
            tabled = tabled && table_serves(cache, norm_at, stem_at, live_at); /* (a nested scan may retarget it) */
            if (word == NULL || (tabled && table_add(word, kind, data, start, i, hash) < 0)) {
                Py_XDECREF(word);
                goto error;
            }
            norm = PyTuple_GET_ITEM(word, norm_at);
            stem = PyTuple_GET_ITEM(word, stem_at);
            is_live = PyObject_IsTrue(PyTuple_GET_ITEM(word, live_at));
            has_stem = PyObject_IsTrue(stem);
        }
        Py_ssize_t position = PyList_GET_SIZE(words);
        if (is_live < 0 || has_stem < 0 || PyList_Append(norms, norm) < 0
            || (has_stem && PyList_Append(stems, stem) < 0)
            || (is_live && append_new(live, offset_int(position)) < 0)) {
            Py_DECREF(word);
            goto error;
        }
        if (append_new(words, word) < 0 || append_new(starts, offset_int(start)) < 0
            || append_new(ends, offset_int(i)) < 0)
            goto error;
        previous_end = i;
    }
    Py_DECREF(space);
    if (append_new(starts, offset_int(length)) < 0) /* as split's last gap: the text's end */
        goto error;
    return Py_BuildValue("(NNNNNNNN)", words, starts, ends, gaps, norms, stems, live, digits);
error:
    Py_XDECREF(words);
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    Py_XDECREF(gaps);
    Py_XDECREF(norms);
    Py_XDECREF(stems);
    Py_XDECREF(live);
    Py_XDECREF(digits);
    Py_XDECREF(space);
    return NULL;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS, "(words, starts, ends, gaps, norms, stems, live, digits) of a text: see the module comment."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_wordscan", NULL, 0, methods};

PyMODINIT_FUNC
PyInit__wordscan(void)
{
    return PyModule_Create(&module);
}
