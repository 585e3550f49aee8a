#include "CEditLineShim.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

int vsw_set_utf8_locale(void) {
    const char *locale = setlocale(LC_CTYPE, "");
    if (locale == NULL || (strstr(locale, "UTF-8") == NULL && strstr(locale, "utf8") == NULL)) {
        locale = setlocale(LC_CTYPE, "C.UTF-8");
    }
    return locale != NULL && (strstr(locale, "UTF-8") != NULL || strstr(locale, "utf8") != NULL);
}

EditLine *vsw_el_init(const char *program) { return el_init(program, stdin, stdout, stderr); }
void vsw_el_end(EditLine *editor) { el_end(editor); }
void vsw_el_set_prompt(EditLine *editor, vsw_prompt_function prompt) { el_set(editor, EL_PROMPT, prompt); }
void vsw_el_set_editor(EditLine *editor, const char *mode) { el_set(editor, EL_EDITOR, mode); }
void vsw_el_set_signal(EditLine *editor, int on) { el_set(editor, EL_SIGNAL, on); }
void vsw_el_set_clientdata(EditLine *editor, void *data) { el_set(editor, EL_CLIENTDATA, data); }

void *vsw_el_get_clientdata(EditLine *editor) {
    void *data = NULL;
    el_get(editor, EL_CLIENTDATA, &data);
    return data;
}

void vsw_el_set_history(EditLine *editor, History *list) { el_set(editor, EL_HIST, history, list); }

void vsw_el_add_function(EditLine *editor, const char *name, const char *help, vsw_editor_function function) {
    el_set(editor, EL_ADDFN, name, help, function);
}

void vsw_el_bind(EditLine *editor, const char *key, const char *command) {
    el_set(editor, EL_BIND, key, command, NULL);
}

void vsw_el_source_editrc(EditLine *editor) { el_source(editor, NULL); }

History *vsw_history_init(int size) {
    History *list = history_init();
    if (list == NULL) return NULL;
    HistEvent event;
    history(list, &event, H_SETSIZE, size);
    history(list, &event, H_SETUNIQUE, 1);
    return list;
}

void vsw_history_end(History *list) { history_end(list); }

void vsw_history_enter(History *list, const char *line) {
    HistEvent event;
    history(list, &event, H_ENTER, line);
}

int vsw_history_load(History *list, const char *path) {
    HistEvent event;
    return history(list, &event, H_LOAD, path);
}

int vsw_history_save(History *list, const char *path) {
    HistEvent event;
    return history(list, &event, H_SAVE, path);
}

static volatile sig_atomic_t interrupted = 0;

static void on_interrupt(int signal) {
    (void)signal;
    interrupted = 1;
}

void vsw_install_interrupt_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    // A parent may have left SIGINT blocked (a blocked mask survives exec): unblock it, or
    // Ctrl-C would never arrive.
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    sigprocmask(SIG_UNBLOCK, &interrupt, NULL);
}

int vsw_take_interrupt(void) {
    int was = interrupted;
    interrupted = 0;
    return was;
}

int vsw_interrupt_pending(void) { return interrupted; }
