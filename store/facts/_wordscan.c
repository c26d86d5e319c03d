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

static PyObject *
scan(PyObject *self, PyObject *args)
{
    PyObject *text, *cache, *gap_kinds, *first_gap;
    Py_ssize_t norm_at, stem_at, live_at;
    if (!PyArg_ParseTuple(args, "UO!OOnnn", &text, &PyDict_Type, &cache, &gap_kinds, &first_gap, &norm_at,
                          &stem_at, &live_at))
        return NULL;
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
        for (; i < length; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (!is_word_char(ch))
                break;
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
        /* the word, analysed through the cache */
        PyObject *surface = PyUnicode_Substring(text, start, i);
        if (surface == NULL)
            goto error;
        PyObject *word = PyDict_GetItemWithError(cache, surface); /* borrowed */
        if (word != NULL) {
            Py_INCREF(word);
        } else if (!PyErr_Occurred()) {
            word = PyObject_GetItem(cache, surface); /* the cache's __missing__ analyses it */
        }
        Py_DECREF(surface);
        if (word == NULL)
            goto error;
        if (!PyTuple_Check(word) || PyTuple_GET_SIZE(word) <= Py_MAX(norm_at, Py_MAX(stem_at, live_at))
            || norm_at < 0 || stem_at < 0 || live_at < 0) {
            Py_DECREF(word);
            PyErr_SetString(PyExc_TypeError, "scan: the cache must hold tuples longer than the indexes");
            goto error;
        }
        PyObject *stem = PyTuple_GET_ITEM(word, stem_at);
        int is_live = PyObject_IsTrue(PyTuple_GET_ITEM(word, live_at));
        Py_ssize_t position = PyList_GET_SIZE(words);
        if (PyList_Append(norms, PyTuple_GET_ITEM(word, norm_at)) < 0
            || (PyObject_IsTrue(stem) > 0 && PyList_Append(stems, stem) < 0)
            || (is_live > 0 && append_new(live, offset_int(position)) < 0) || is_live < 0) {
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
