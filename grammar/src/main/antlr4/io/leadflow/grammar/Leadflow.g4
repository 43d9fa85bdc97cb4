/*
 * Leadflow rule language. Action-free: every alternative is labelled, and all
 * meaning lives in the dsl module (parse tree -> AST -> checker -> graph).
 *
 * String literals: "double quoted" strings may hold template holes {expr};
 * the dsl module parses the holes (this grammar keeps the string whole so the
 * lexer needs no mode stack or actions). 'single quoted' strings are raw.
 */
grammar Leadflow;

file
    : importDecl* topDecl* EOF
    ;

// One expression alone: the dsl module parses template holes {expr} with it.
standaloneExpr
    : expr EOF
    ;

importDecl
    : IMPORT STRING                                               # importFile
    ;

topDecl
    : flowDecl                                                    # topFlow
    | tableDecl                                                   # topTable
    | templateDecl                                                # topTemplate
    | managersDecl                                                # topManagers
    | letDecl                                                     # topLet
    | testDecl                                                    # topTest
    | scheduleDecl                                                # topSchedule
    ;

// ---------------------------------------------------------------- flows

flowDecl
    : FLOW STRING LBRACE flowStmt* RBRACE
    ;

flowStmt
    : FROM qualifiedName argList?                                 # fromStmt
    | TO name argList?                                            # toStmt
    | DELAY DURATION                                              # delayStmt
    | FIELDS name (COMMA name)*                                   # fieldsStmt
    | DEDUPE BY expr (WITHIN DURATION)?                           # dedupeStmt
    | PHONE expr (AS name)? (DIGITS NUMBER)? MOBILE?              # phoneStmt
    | letDecl                                                     # flowLet
    | managersDecl                                                # flowManagers
    | DROP WHEN expr STRING                                       # dropStmt
    | KEEP WHEN expr STRING                                       # keepStmt
    | FIND name BY name (COMMA name)*                             # findStmt
    | MARKER name                                                 # markerStmt
    | WHEN expr ARROW actionList                                  # whenStmt
    | OTHERWISE ARROW actionList                                  # otherwiseStmt
    | UPDATE updateMode                                           # updateModeStmt
    | mappingBlock                                                # mappingStmt
    ;

actionList
    : action (COMMA action)* (FOR expr)?
    ;

action
    : CREATE name                                                 # createAction
    | UPDATE name                                                 # updateAction
    | TASK                                                        # taskAction
    | SKIP_ STRING                                                # skipAction
    ;

updateMode
    : ALL                                                         # updateAll
    | EMPTY                                                       # updateEmpty
    ;

// contact { ... }   deal update empty { ... }   products from lead.items as item { ... }
mappingBlock
    : name (UPDATE updateMode)? LBRACE assignment* RBRACE                       # entityBlock
    | name FROM expr AS name (UPDATE updateMode)? LBRACE assignment* RBRACE     # listBlock
    ;

assignment
    : name ASSIGN expr (IF EMPTY)? separator?
    ;

separator
    : COMMA
    | SEMI
    ;

// ---------------------------------------------------------------- shared declarations

letDecl
    : LET name EQ expr
    ;

// table statuses { "new" -> 1, "paid" -> { status: 5, pipeline: 2 }, default -> 1 }
tableDecl
    : TABLE name LBRACE (tableEntry (COMMA tableEntry)* COMMA?)? RBRACE
    ;

tableEntry
    : literal ARROW expr                                          # keyEntry
    | DEFAULT ARROW expr                                          # defaultEntry
    ;

// template callName(phone) = "Call from {phone}"
templateDecl
    : TEMPLATE name (LPAREN (name (COMMA name)*)? RPAREN)? EQ expr
    ;

// managers sales = rotate [101, 102, 103] except when manager == 103 and weekday(now) == 7
// managers senior = weighted [101: 3, 102: 1]
managersDecl
    : MANAGERS name EQ name LBRACK managerEntry (COMMA managerEntry)* COMMA? RBRACK (EXCEPT WHEN expr)?
    ;

managerEntry
    : expr (COLON NUMBER)?
    ;

// schedule "prices" every 4h { sync_prices(from: "horoshop", to: "keycrm") }
scheduleDecl
    : SCHEDULE STRING EVERY DURATION (AT STRING)? LBRACE expr RBRACE
    ;

// ---------------------------------------------------------------- tests beside the rules

// `property` blocks hold for every generated lead: the same statements, plus which CRM states
// (`crm open_deal, marked_deal`) and how many leads (`tries 500`).
testDecl
    : (TEST | PROPERTY) STRING LBRACE testStmt* RBRACE
    ;

testStmt
    : FLOW STRING                                                 # testFlow
    | name object                                                 # testLead
    | CRM name literal object                                     # testCrmRecord
    | CRM name (COMMA name)*                                      # testCrmStates
    | TRIES NUMBER                                                # testTries
    | MANAGERS name object                                        # testManagers
    | NOW STRING                                                  # testNow
    | EXPECT expectation                                          # testExpect
    ;

expectation
    : NO (CREATE | UPDATE)? effectTarget                          # expectNone
    | EXACTLY (CREATE | UPDATE)? effectTarget object?             # expectExact
    | (CREATE | UPDATE)? effectTarget object?                     # expectEffect
    | DROP STRING?                                                # expectDrop
    | SKIP_ STRING?                                               # expectSkip
    ;

effectTarget
    : name
    | TASK
    ;

// ---------------------------------------------------------------- expressions
// ANTLR gives earlier alternatives higher precedence, so the list runs from the tightest
// binding (postfix) to the loosest (or): postfix . [] call, unary -, * / %, + -, ??,
// comparison and in, not, and, or.

expr
    : expr DOT name                                               # memberExpr
    | expr LBRACK expr RBRACK                                     # indexExpr
    | name LPAREN (arg (COMMA arg)*)? RPAREN                      # callExpr
    | literal                                                     # literalExpr
    | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK                  # listExpr
    | object                                                      # objectExpr
    | name                                                        # nameExpr
    | LPAREN expr RPAREN                                          # parenExpr
    | MINUS expr                                                  # negExpr
    | expr op=(STAR | SLASH | PERCENT) expr                       # mulExpr
    | expr op=(PLUS | MINUS) expr                                 # addExpr
    | expr COALESCE expr                                          # coalesceExpr
    | expr op=(EQEQ | NEQ | LT | LE | GT | GE) expr               # compareExpr
    | expr NOT? IN expr                                           # inExpr
    | NOT expr                                                    # notExpr
    | expr AND expr                                               # andExpr
    | expr OR expr                                                # orExpr
    ;

arg
    : (name COLON)? expr
    ;

argList
    : LPAREN (arg (COMMA arg)*)? RPAREN
    ;

object
    : LBRACE (field (COMMA field)* COMMA?)? RBRACE
    ;

field
    : (name | STRING) COLON expr
    ;

literal
    : STRING                                                      # stringLit
    | RAW_STRING                                                  # rawStringLit
    | NUMBER                                                      # numberLit
    | MINUS NUMBER                                                # negNumberLit
    | (TRUE | FALSE)                                              # boolLit
    | NULL                                                        # nullLit
    ;

qualifiedName
    : name (DOT name)*
    ;

// Soft keywords stay usable as names (a CRM field called `phone`, a block called `deal`).
name
    : IDENT
    | PHONE | FIND | BY | TASK | CREATE | UPDATE | ALL | EMPTY | DEFAULT | AS | FROM | TO
    | DELAY | DIGITS | MOBILE | MARKER | KEEP | DROP | SKIP_ | CRM | NOW | EXPECT | NO
    | EXACTLY | EVERY | AT | SCHEDULE | TEST | TEMPLATE | TABLE | MANAGERS | LET | EXCEPT
    | IMPORT | FIELDS | DEDUPE | WITHIN | PROPERTY | TRIES
    ;

// ---------------------------------------------------------------- lexer

IMPORT    : 'import';
FLOW      : 'flow';
FROM      : 'from';
TO        : 'to';
DELAY     : 'delay';
FIELDS    : 'fields';
DEDUPE    : 'dedupe';
WITHIN    : 'within';
PHONE     : 'phone';
AS        : 'as';
DIGITS    : 'digits';
MOBILE    : 'mobile';
LET       : 'let';
DROP      : 'drop';
KEEP      : 'keep';
WHEN      : 'when';
OTHERWISE : 'otherwise';
FIND      : 'find';
BY        : 'by';
MARKER    : 'marker';
CREATE    : 'create';
UPDATE    : 'update';
TASK      : 'task';
SKIP_     : 'skip';
FOR       : 'for';
ALL       : 'all';
EMPTY     : 'empty';
IF        : 'if';
TABLE     : 'table';
DEFAULT   : 'default';
TEMPLATE  : 'template';
MANAGERS  : 'managers';
EXCEPT    : 'except';
SCHEDULE  : 'schedule';
EVERY     : 'every';
AT        : 'at';
TEST      : 'test';
PROPERTY  : 'property';
TRIES     : 'tries';
CRM       : 'crm';
NOW       : 'now';
EXPECT    : 'expect';
NO        : 'no';
EXACTLY   : 'exactly';
AND       : 'and';
OR        : 'or';
NOT       : 'not';
IN        : 'in';
TRUE      : 'true';
FALSE     : 'false';
NULL      : 'null';

ARROW     : '->';
ASSIGN    : '<-';
COALESCE  : '??';
EQEQ      : '==';
NEQ       : '!=';
LE        : '<=';
GE        : '>=';
LT        : '<';
GT        : '>';
EQ        : '=';
PLUS      : '+';
MINUS     : '-';
STAR      : '*';
SLASH     : '/';
PERCENT   : '%';
DOT       : '.';
COMMA     : ',';
SEMI      : ';';
COLON     : ':';
LPAREN    : '(';
RPAREN    : ')';
LBRACE    : '{';
RBRACE    : '}';
LBRACK    : '[';
RBRACK    : ']';

DURATION  : [0-9]+ ('ms' | 's' | 'm' | 'h' | 'd');
NUMBER    : [0-9]+ ('.' [0-9]+)? ([eE] [+-]? [0-9]+)?;
STRING    : '"' ( '\\' . | ~["\\\r\n] )* '"';
RAW_STRING: '\'' ( '\\' . | ~['\\\r\n] )* '\'';
IDENT     : [\p{L}_] [\p{L}\p{Nd}_]*;

COMMENT   : '#' ~[\r\n]* -> channel(HIDDEN);
WS        : [ \t\r\n\u000C]+ -> channel(HIDDEN);

// Anything else is one bad character; the parser reports it with its position.
ERROR_CHAR: . ;
