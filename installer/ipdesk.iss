; Inno Setup script: the Windows installer of ipdesk, from the PyInstaller bundle.
;
;   1. build the bundle:  pyinstaller --noconfirm --distpath dist --workpath build installer\ipdesk.spec
;   2. build the setup:   iscc /DAppVersion=0.1.0 installer\ipdesk.iss
;                         -> dist\installer\ipdesk-setup-0.1.0.exe
;
; See installer\README.md. Inno Setup 6.3 or newer. This file is UTF-8 with a byte-order
; mark (Inno Setup needs the mark to read the Chinese texts): keep it when editing.
;
; What it does
; * installs for all users (per machine, needs administrator rights) into
;   C:\Program Files\ipdesk, with a Start-menu entry (and a desktop icon if asked);
; * associates no file types;
; * upgrades in place: the same AppId finds the earlier installation, closes a running
;   ipdesk, removes the old program files (_internal) and installs the new ones. The
;   user's database, documents, logs (%LOCALAPPDATA%\ipdesk\ipdesk) and settings
;   (HKCU\Software\ipdesk\ipdesk) are never in the installation folder and are kept;
;   uninstalling keeps them too (delete them by hand to remove all traces).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "ipdesk"
#define AppExe "ipdesk.exe"
#define Bundle "..\dist\ipdesk"
; The Simplified Chinese messages are not part of Inno Setup itself: put the translation
; ChineseSimplified.isl into Inno Setup's Languages folder or beside this script.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseMessages AddBackslash(SourcePath) + "ChineseSimplified.isl"
#endif

[Setup]
; Never change the AppId: it is how an upgrade finds the installed version.
AppId={{5C3E8A47-2F61-4B0D-9C7E-1D5E5C1D5E10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ipdesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=no
CloseApplications=yes
RestartApplications=no
OutputDir=..\dist\installer
OutputBaseFilename=ipdesk-setup-{#AppVersion}
SetupIconFile=..\resources\icons\ipdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
#ifdef ChineseMessages
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.StartMenuName=ipdesk — IP Dispute Aid and Mediation
english.LaunchProgram=Start ipdesk now
#ifdef ChineseMessages
chinesesimplified.StartMenuName=知识产权维权援助调解 (ipdesk)
chinesesimplified.LaunchProgram=立即启动 ipdesk
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Upgrade in place: remove the previous version's libraries first, so that no file of an
; older Python, Qt or library version lingers. Only program files live here.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:StartMenuName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "ipdesk"
Name: "{autodesktop}\{cm:StartMenuName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram}"; Flags: nowait postinstall skipifsilent
