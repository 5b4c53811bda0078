// SPDX-License-Identifier: MIT
// opcodes.h: the bytecode instruction set as an X-macro
// OP(name, stack_effect). Expanded into the opcode enum (vm.h), the
// disassembler's names and the VM's computed-goto table.
//
// Encoding: one opcode byte; opcodes at or after LOAD_CONST take a 16-bit
// little-endian argument. LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD and
// STORE_ATTR are followed by a 2-byte inline cache (a dict entry hint) that the VM
// rewrites. Jump arguments are absolute bytecode offsets. A stack effect
// of 99 means "depends on the argument" (computed by the compiler).
// clang-format off
// ---- no argument ----
OP(NOP, 0)                  // does nothing
OP(POP_TOP, -1)             // drops TOS
OP(ROT_TWO, 0)              // swaps TOS and TOS1
OP(ROT_THREE, 0)            // TOS goes below TOS2: a b c -> c a b
OP(ROT_FOUR, 0)             // TOS goes below TOS3
OP(DUP_TOP, 1)              // pushes TOS again
OP(DUP_TOP_TWO, 2)          // pushes TOS1, TOS again
OP(LOAD_NONE, 1)            // pushes None
OP(LOAD_TRUE, 1)            // pushes True
OP(LOAD_FALSE, 1)           // pushes False
OP(UNARY_NOT, 0)            // TOS = not TOS
OP(BINARY_SUBSCR, -1)       // TOS = TOS1[TOS]
OP(STORE_SUBSCR, -3)        // TOS1[TOS] = TOS2
OP(DELETE_SUBSCR, -2)       // del TOS1[TOS]
OP(GET_ITER, 0)             // TOS = iter(TOS)
OP(RETURN_VALUE, -1)        // returns TOS to the caller
OP(YIELD_VALUE, 0)          // yields TOS; resumes with the sent value as TOS
OP(YIELD_FROM, -1)          // delegates to iterator TOS1, sending TOS
OP(GET_YIELD_FROM_ITER, 0)  // TOS = iter(TOS) (generators kept as is)
OP(POP_BLOCK, 0)            // leaves the innermost try block
OP(RERAISE, -1)             // raises TOS again (end of a finally/except)
OP(CHECK_EXC_MATCH, 0)      // TOS = TOS1 matches exception class(es) TOS
OP(PRINT_EXPR, -1)          // REPL: prints repr(TOS) unless None, pops it
OP(LOAD_BUILD_CLASS, 1)     // pushes the class builder
OP(LOAD_ASSERTION_ERROR, 1) // pushes AssertionError
OP(WITH_EXCEPT, 0)          // in a with handler: calls __exit__(type, exc, None)
OP(WITH_EXIT, -1)           // normal end of a with: calls __exit__(None, None, None), pops it
OP(IMPORT_STAR, -1)         // copies a module's public names into globals
OP(LIST_TO_TUPLE, 0)        // TOS = tuple(TOS list)
OP(SETUP_ANNOTATIONS, 0)    // no-op (annotations are not kept)
OP(GET_AWAITABLE, 0)        // TOS = the iterator that awaiting TOS drives (TypeError if not awaitable)
OP(GET_AITER, 0)            // async for: TOS = TOS.__aiter__()
OP(GET_ANEXT, 1)            // async for: pushes the awaitable iterator of TOS.__anext__()
OP(END_ASYNC_FOR, -3)       // handler: iterator, previous, exception; ends the loop on StopAsyncIteration, else re-raises
OP(BEFORE_ASYNC_WITH, 1)    // ctx -> __aexit__, awaitable iterator of __aenter__()
OP(ASYNC_WITH_EXIT, 0)      // normal end: __aexit__ -> awaitable iterator of __aexit__(None, None, None)
OP(ASYNC_WITH_EXCEPT, 1)    // handler (aexit, previous, exception): pushes the iterator of __aexit__(type, exc, None)
// ---- with an argument ----
OP(LOAD_CONST, 1)           // pushes consts[arg]
OP(LOAD_SMALL_INT, 1)       // pushes the int arg - 32768
OP(LOAD_FAST, 1)            // pushes local slot arg (UnboundLocalError if empty)
OP(STORE_FAST, -1)          // slot arg = TOS
OP(DELETE_FAST, 0)          // empties slot arg
OP(LOAD_DEREF, 1)           // pushes the value of the cell in slot arg
OP(STORE_DEREF, -1)         // sets the cell in slot arg
OP(DELETE_DEREF, 0)         // empties the cell in slot arg
OP(LOAD_CLOSURE, 1)         // pushes the cell object in slot arg
OP(LOAD_GLOBAL, 1)          // pushes global or builtin names[arg]; + cache
OP(STORE_GLOBAL, -1)        // globals[names[arg]] = TOS
OP(DELETE_GLOBAL, 0)        // del globals[names[arg]]
OP(LOAD_NAME, 1)            // locals, then globals, then builtins
OP(STORE_NAME, -1)          // locals[names[arg]] = TOS
OP(DELETE_NAME, 0)          // del locals[names[arg]]
OP(LOAD_ATTR, 0)            // TOS = TOS.names[arg]; + cache
OP(STORE_ATTR, -2)          // TOS.names[arg] = TOS1; + cache
OP(DELETE_ATTR, -1)         // del TOS.names[arg]
OP(LOAD_METHOD, 1)          // TOS -> callable, self-or-NULL; + cache
OP(CALL_METHOD, 99)         // calls method with arg positional arguments
OP(CALL_METHOD_KW, 99)      // same, TOS is the tuple of keyword names
OP(CALL_FUNCTION, 99)       // calls TOS[arg] with arg positional arguments
OP(CALL_FUNCTION_KW, 99)    // same, TOS is the tuple of keyword names
OP(CALL_FUNCTION_EX, 99)    // func, args tuple (, kwargs dict if arg & 1)
OP(MAKE_FUNCTION, 99)       // code (TOS) + defaults(1)/kwdefaults(2)/closure(8)
OP(BUILD_TUPLE, 99)         // a tuple of the arg top items
OP(BUILD_LIST, 99)          // a list of the arg top items
OP(BUILD_SET, 99)           // a set of the arg top items
OP(BUILD_MAP, 99)           // a dict of arg key/value pairs
OP(BUILD_STRING, 99)        // concatenates the arg top strings
OP(BUILD_SLICE, 99)         // slice of 2 or 3 items
OP(LIST_APPEND, -1)         // appends TOS to the list arg deep (comprehensions)
OP(SET_ADD, -1)             // adds TOS to the set arg deep
OP(MAP_ADD, -2)             // sets key TOS1 to TOS in the dict arg deep
OP(LIST_EXTEND, -1)         // extends the list arg deep with iterable TOS
OP(SET_UPDATE, -1)          // updates the set arg deep with iterable TOS
OP(DICT_UPDATE, -1)         // updates the dict arg deep with mapping TOS
OP(DICT_MERGE, -1)          // like DICT_UPDATE, but duplicate keys are an error
OP(UNPACK_SEQUENCE, 99)     // replaces TOS by its arg items, first on top
OP(UNPACK_EX, 99)           // starred unpack: arg = before | after << 8
OP(UNARY_OP, 0)             // TOS = op TOS (arg: rt_unary_op_t)
OP(BINARY_OP, -1)           // TOS = TOS1 op TOS (arg: rt_binary_op_t)
OP(COMPARE_OP, -1)          // TOS = TOS1 cmp TOS (arg: rt_binary_op_t LT..NE)
OP(IS_OP, -1)               // TOS = TOS1 is TOS (negated if arg)
OP(CONTAINS_OP, -1)         // TOS = TOS1 in TOS (negated if arg)
OP(JUMP, 0)                 // jumps to arg
OP(POP_JUMP_IF_FALSE, -1)   // pops TOS, jumps if false
OP(POP_JUMP_IF_TRUE, -1)    // pops TOS, jumps if true
OP(JUMP_IF_FALSE_OR_POP, 0) // jumps keeping TOS if false, else pops it
OP(JUMP_IF_TRUE_OR_POP, 0)  // jumps keeping TOS if true, else pops it
OP(FOR_ITER, 1)             // pushes next(TOS), or pops TOS and jumps at the end
OP(SETUP_EXCEPT, 0)         // pushes a try block whose handler is at arg
OP(SETUP_WITH, 1)           // ctx -> __exit__, __enter__() ; block with handler arg
OP(POP_EXCEPT, 0)           // ends a handler: restores the previous exception, keeps arg top items
OP(RAISE_VARARGS, 99)       // raise (0), raise TOS (1), raise TOS1 from TOS (2)
OP(IMPORT_NAME, 0)          // TOS = import names[arg] (TOS is the fromlist or None)
OP(IMPORT_FROM, 1)          // pushes TOS.names[arg] (ImportError if absent)
OP(FORMAT_VALUE, 99)        // f-string field: arg = conversion (0 none, 1 s, 2 r) | 4 if a spec is on top
OP(COPY_FREE_VARS, 0)       // reserved
OP(SETUP_ASYNC_WITH, 0)     // TOS (the awaited __aenter__ result) stays on top; below it a with block, handler arg
