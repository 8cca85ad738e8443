/*
 * Copyright 2026 the puavo-mirror authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.puavomirror.cli;

/** The {@code puavo-mirror} executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, CliIo.system());
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line against {@code io} and returns the exit code, without exiting. */
    public static int run(String[] args, CliIo io) {
        return run(args, io, EngineSelector.SYSTEM);
    }

    /** {@link #run(String[], CliIo)} with the rdiff engines {@code engines} gives. */
    public static int run(String[] args, CliIo io, EngineSelector engines) {
        return PuavoMirrorCommand.commandLine(io, engines, args).execute(args);
    }
}
