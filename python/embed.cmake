# Writes the text of IN into OUT as a C++ string (lockstep::python::kBootstrapSource).
file(READ ${IN} text)
file(WRITE ${OUT} "// Generated from bootstrap.py by embed.cmake; do not edit.\nnamespace lockstep::python {\nextern const char* const kBootstrapSource;\nconst char* const kBootstrapSource = R\"lockstep_py(${text})lockstep_py\";\n}\n")
