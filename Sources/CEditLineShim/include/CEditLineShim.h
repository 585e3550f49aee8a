// Non-variadic wrappers for libedit's el_set/el_get/history (Swift does not import C
// variadics), the C globals Swift 6 may not touch (stdin, stdout, stderr), and a SIGINT
// handler that only sets a flag.
#ifndef VSW_CEDITLINE_SHIM_H
#define VSW_CEDITLINE_SHIM_H

#include <histedit.h>

typedef char *(*vsw_prompt_function)(EditLine *);
typedef unsigned char (*vsw_editor_function)(EditLine *, int);

/// Sets LC_CTYPE from the environment, falling back to C.UTF-8: without it libedit drops
/// non-ASCII input. Returns 1 when the locale is UTF-8.
int vsw_set_utf8_locale(void);

/// el_init on the process's standard streams. Not thread-safe: call from one thread.
EditLine *vsw_el_init(const char *program);
void vsw_el_end(EditLine *editor);
void vsw_el_set_prompt(EditLine *editor, vsw_prompt_function prompt);
void vsw_el_set_editor(EditLine *editor, const char *mode);
void vsw_el_set_signal(EditLine *editor, int on);
void vsw_el_set_clientdata(EditLine *editor, void *data);
void *vsw_el_get_clientdata(EditLine *editor);
void vsw_el_set_history(EditLine *editor, History *list);
void vsw_el_add_function(EditLine *editor, const char *name, const char *help, vsw_editor_function function);
void vsw_el_bind(EditLine *editor, const char *key, const char *command);
/// Reads ~/.editrc (or $EDITRC) if there is one.
void vsw_el_source_editrc(EditLine *editor);

History *vsw_history_init(int size);
void vsw_history_end(History *list);
void vsw_history_enter(History *list, const char *line);
int vsw_history_load(History *list, const char *path);
int vsw_history_save(History *list, const char *path);

/// Installs the SIGINT handler: no SA_RESTART, so el_gets returns with EINTR.
void vsw_install_interrupt_handler(void);
/// Whether Ctrl-C was pressed since the last call; clears the flag.
int vsw_take_interrupt(void);
/// Whether Ctrl-C is pending, without clearing it (for long computations to poll).
int vsw_interrupt_pending(void);

#endif
