// SPDX-License-Identifier: MIT
// webrepl_files.h: WebREPL's file transfers through the runtime's open().
#ifndef PORT_WEBREPL_FILES_H
#define PORT_WEBREPL_FILES_H

// Gives the WebREPL server its file store. Call once at boot.
void webrepl_files_install(void);

#endif
