// The process-wide CPython interpreter. It is initialised once, on first use, and never finalised: each run
// gets a sub-interpreter of its own (fresh sys.modules, threading, asyncio...), which is what makes runs
// independent and repeatable; the main interpreter only hosts them.

#include <mutex>

#include "Bridge.h"

namespace lockstep::python {

PyInterpreterState* mainInterpreter() {
    static std::once_flag once;
    static PyInterpreterState* interp = nullptr;
    std::call_once(once, [] {
        PyImport_AppendInittab("_lockstep", &initBridgeModule);
        PyConfig config;
        // Isolated: no environment variables (PYTHONPATH, PYTHONHASHSEED...), no user site, no current
        // directory on sys.path; what a run sees depends only on the program and the run's settings.
        PyConfig_InitIsolatedConfig(&config);
        config.install_signal_handlers = 0;  // Ctrl+C belongs to the application, not to the program
        config.use_hash_seed = 1;
        config.hash_seed = 0;  // the same set and dict orders on every run
        config.site_import = 0;
        config.write_bytecode = 0;
        config.parse_argv = 0;
        // Debian's interpreter and standard library, whatever python3 is first on PATH.
        PyConfig_SetString(&config, &config.executable, L"/usr/bin/python3.11");
        PyConfig_SetString(&config, &config.home, L"/usr");
        PyConfig_SetString(&config, &config.program_name, L"lockstep");
        const PyStatus status = Py_InitializeFromConfig(&config);
        PyConfig_Clear(&config);
        if (PyStatus_Exception(status)) return;
        interp = PyInterpreterState_Main();
        PyEval_SaveThread();  // the GIL is taken by whichever run needs it
    });
    if (!interp) throw RuntimeError("the embedded Python interpreter could not start (is libpython3.11-stdlib installed?)");
    return interp;
}

}  // namespace lockstep::python
