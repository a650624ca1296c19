# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# bash completion for ofl(1); installed as
# <prefix>/share/bash-completion/completions/ofl
_ofl()
{
	local cur prev cmd opts
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "csum parse graph rss gso gro id help version --help" -- "$cur"))
		return
	fi
	cmd=${COMP_WORDS[1]}
	case $cmd in
	csum) opts="--json --help" ;;
	parse) opts="--json --dot --mask --vxlan-port --geneve-port --vxlan-gpe-port --help" ;;
	graph) opts="--json --dot --help" ;;
	rss) opts="--key --queues --reta --symmetric --symmetric-key --inner --ex --json --help" ;;
	gso) opts="--mss --profile --json --help" ;;
	gro) opts="--profile --flush-every --gro-max-size --vxlan --geneve --no-iptun --fraglist --segment-list --hw-vlan --rx-csum --json --help" ;;
	id) opts="--json --device --help" ;;
	help)
		COMPREPLY=($(compgen -W "csum parse graph rss gso gro id" -- "$cur"))
		return ;;
	*) return ;;
	esac
	case $prev in
	--profile)
		COMPREPLY=($(compgen -W "running 6.1 6.12 6.18 7.0" -- "$cur"))
		return ;;
	--mask)
		COMPREPLY=($(compgen -W "offsets flow layers all" -- "$cur"))
		return ;;
	--device)	# a network device (devlink handles are not listed)
		COMPREPLY=($(compgen -W "$(ls /sys/class/net 2>/dev/null)" -- "$cur"))
		return ;;
	--rx-csum)
		COMPREPLY=($(compgen -W "none unnecessary complete" -- "$cur"))
		return ;;
	--mss|--gro-max-size|--queues|--reta|--flush-every|--key|--dot|--vxlan-port|--geneve-port|--vxlan-gpe-port)
		return ;;	# a number or key: nothing to offer
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	elif [ "$cmd" = id ]; then
		COMPREPLY=($(compgen -f -- "$cur"))
	elif [ "$cmd" != graph ]; then
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -X '!*.@(pcap|pcapng|cap|PCAP)' -- "$cur") \
			$(compgen -d -- "$cur"))
	fi
}
complete -F _ofl ofl
