// The CPython interpreter, which lives only in the runner process (see RunnerProcess.cpp): initialised once,
// the bootstrap run once, then every run is a fork() of that process and uses this interpreter as its own.
// Lockstep's own process (the window, the command line) never starts it.

#include "Bridge.h"

namespace lockstep::python {

namespace {
PyInterpreterState* gInterpreter = nullptr;
}

bool startInterpreter(std::string& error) {
    PyImport_AppendInittab("_lockstep", &initBridgeModule);
    PyConfig config;
    // Isolated: no environment variables (PYTHONPATH, PYTHONHASHSEED...), no user site, no current directory
    // on sys.path; what a run sees depends only on the program and the run's settings.
    PyConfig_InitIsolatedConfig(&config);
    config.install_signal_handlers = 0;  // Ctrl+C belongs to Lockstep, not to the program
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
    if (PyStatus_Exception(status)) {
        error = std::string("the embedded Python interpreter could not start (is libpython3.11-stdlib installed?)") +
                (status.err_msg ? std::string(": ") + status.err_msg : std::string());
        return false;
    }
    gInterpreter = PyInterpreterState_Main();
    return true;
}

PyInterpreterState* mainInterpreter() {
    if (!gInterpreter)
        throw RuntimeError("a Python program runs only in Lockstep's runner process, not in the window's or the "
                           "command line's (internal error: a run was started in the wrong process)");
    return gInterpreter;
}

}  // namespace lockstep::python
